/**
 * The Adaptive Card renderer, piece by piece: people's text cannot link or mention,
 * a destructive button asks first, a form's inputs and its problems, the size limit
 * kept visibly, the plain fallback; and the card checker itself can fail.
 */
import { describe, expect, it } from 'vitest';
import { buttonData, inputIdOf } from '../../../adapters/teams/card-data';
import { activityBytes, plainFallback, renderActivity, renderCard, TEAMS_MAX_BYTES } from '../../../adapters/teams/render';
import type { Message } from '../../../src/ports/chat';
import { cardProblems } from '../../support/teams-cards';

const token = (id: string, name: string) => `\u0001${id}\u0002${name}\u0003`;
type Node = Record<string, unknown>;
const texts = (card: unknown): string[] => {
  const out: string[] = [];
  JSON.stringify(card, (key, value: unknown) => ((key === 'text' || key === 'value') && typeof value === 'string' && out.push(value), value));
  return out;
};

describe('the card checker', () => {
  it('reports what the adaptivecards parser refuses, and a mention with no entity', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }, { type: 'Input.Text' }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '<at>Bob</at>' }] })).toEqual(['mention <at>Bob</at> has no entity']);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Execute', title: 'x', verb: 'v', data: { a: 1 } }] })).toHaveLength(1);
  });
});

describe('the Teams renderer', () => {
  it('escapes people\'s text: no link, no emphasis, no forged mention; a real person is one mention', () => {
    const card = renderCard({ text: `${token('29:bob', 'Bob')} wrote: [click](https://evil.example) **loud** <at>Bob</at>` });
    const [lead] = texts(card.body);
    expect(lead).toContain('<at>Bob</at> wrote:');
    expect(lead).toContain('\\[click\\]');
    expect(lead).not.toMatch(/[^\\]\]\(/); // no unescaped link
    expect(lead).not.toContain('https://evil'); // nor a bare address a client would link
    expect(lead).toContain('\\*\\*loud\\*\\*');
    expect(lead!.match(/<at>Bob<\/at>/g)).toHaveLength(1); // the typed one is broken
    expect(card.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Bob</at>', mentioned: { id: '29:bob', name: 'Bob' } }]);
    expect(cardProblems(card)).toEqual([]);
    // An id Teams cannot mention is drawn as a name.
    expect(renderCard({ text: `${token('U123', 'Sam')} here` }).msteams?.entities).toBeUndefined();
  });

  it('asks before a destructive button acts, with a shown card holding the real button', () => {
    const message: Message = { text: 'Erase?', actions: [{ id: 'privacy.erase', label: 'Erase my data', value: '{}', style: 'danger', confirm: { title: 'Erase everything?', text: 'This cannot be undone.', yes: 'Erase', no: 'Keep' } }] };
    const card = renderCard(message);
    const action = card.actions![0] as Node;
    expect(action.type).toBe('Action.ShowCard');
    expect((action.card as { actions: Node[] }).actions[0]).toMatchObject({ type: 'Action.Execute', title: 'Erase', style: 'destructive', data: buttonData('privacy.erase', '{}') });
    expect(cardProblems(card)).toEqual([]);
  });

  it('draws a form\'s inputs, and shows it again with each problem on its field and what was typed', () => {
    const message: Message = {
      text: 'Write it.',
      form: {
        id: 'challenge:1',
        title: 'Your challenge',
        submitLabel: 'Save',
        fields: [
          { id: 'challenge', label: 'In a sentence', kind: 'short', required: true, maxLength: 200, hint: 'How can I...' },
          { id: 'why', label: 'Why', kind: 'long', required: false, maxLength: 1000, initial: 'before' },
          { id: 'when', label: 'When', kind: 'date', required: false },
          { id: 'size', label: 'Size', kind: 'select', required: true, options: [{ value: 's', label: 'Small' }] },
        ],
      },
    };
    const plain = renderCard(message);
    const inputs = plain.body.filter((b) => String((b as Node).type).startsWith('Input.')) as Node[];
    expect(inputs.map((i) => [i.type, i.id])).toEqual([
      ['Input.Text', inputIdOf('challenge')],
      ['Input.Text', inputIdOf('why')],
      ['Input.Date', inputIdOf('when')],
      ['Input.ChoiceSet', inputIdOf('size')],
    ]);
    expect(inputs[0]).toMatchObject({ isRequired: true, maxLength: 200, placeholder: 'How can I...' });
    expect(inputs[1]).toMatchObject({ isMultiline: true, value: 'before' });
    expect(plain.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', title: 'Save', data: { setwise: 'form', form: 'challenge:1' }, associatedInputs: 'auto' })]);

    const again = renderCard(message, { fieldErrors: { challenge: 'Say it in a sentence' }, values: { challenge: 'typed', why: 'now' } });
    const at = again.body.findIndex((b) => (b as Node).id === inputIdOf('challenge'));
    expect(again.body[at]).toMatchObject({ value: 'typed' });
    expect(again.body[at + 1]).toMatchObject({ type: 'TextBlock', text: 'Say it in a sentence', color: 'attention' });
    expect(again.body.find((b) => (b as Node).id === inputIdOf('why'))).toMatchObject({ value: 'now' });
    expect(cardProblems(again)).toEqual([]);
  });

  it('keeps a message under Teams\' size, says it was cut, and keeps a form\'s inputs whatever is cut', () => {
    const long: Message = { text: 'Many', blocks: Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph' as const, text: `${i} ${'word '.repeat(60)}` })) };
    const activity = renderActivity(long);
    expect(activityBytes(activity)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(texts(activity.attachments[0].content.body).at(-1)).toMatch(/cut: this message was too long for Teams/);
    expect(texts(activity.attachments[0].content.body)[0]).toMatch(/^0 word/); // the start is kept, in order

    const form: Message = { text: 'x'.repeat(40_000), form: { id: 'reflection:1', title: 'A reflection', submitLabel: 'Keep it', fields: [{ id: 'text', label: 'Your reflection', kind: 'long', required: true, maxLength: 3000 }] } };
    const cut = renderActivity(form, { values: { text: 'y'.repeat(3000) } });
    expect(activityBytes(cut)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(cut.attachments[0].content.body.some((b) => (b as Node).id === inputIdOf('text'))).toBe(true);
    expect(cut.attachments[0].content.actions).toHaveLength(1);
  });

  it('gives a one-line plain fallback with people as @names, cut visibly', () => {
    expect(plainFallback({ text: `Hello ${token('29:bob', 'Bob')},\nwelcome` })).toBe('Hello @Bob, welcome');
    const cut = plainFallback({ text: 'z'.repeat(5000) });
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith('…')).toBe(true);
  });
});
