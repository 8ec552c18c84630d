import type { AnyBlock, ContextBlock, HeaderBlock, InputBlock, KnownBlock, SectionBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionIdOf, escapeText, fieldErrorsFor, plainFallback, readModalValues, renderBlocks, renderHome, renderModal, slackText } from '../../../adapters/slack/render';
import { cutMarkup, splitMarkup } from '../../../adapters/slack/render-text';
import { who } from '../../../src/messages/format';
import { rsvpButtons } from '../../../src/messages/copy/nudges';
import type { Button, Form, FormField, Message } from '../../../src/ports/chat';
import { fallbackProblems, messageProblems, viewProblems } from '../../support/slack-limits';

const ann = { platformUserId: 'U123', displayName: 'Ann' };
const textOf = (block: KnownBlock | undefined): string => {
  if (block?.type === 'section') return (block as SectionBlock).text?.text ?? '';
  if (block?.type === 'context') return (block as ContextBlock).elements.map((e) => ('text' in e ? e.text : '')).join('');
  if (block?.type === 'header') return (block as HeaderBlock).text.text;
  return '';
};
const paragraph = (text: string): Message => ({ text, blocks: [{ type: 'paragraph', text }] });
/** mrkdwn in which the only markup is what the renderer put there: entities and real mentions. */
const wellFormed = (text: string): boolean => !/<(?!@[A-Za-z0-9_-]+>)|&(?!(amp|lt|gt);)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text);

describe('escaping', () => {
  it('escapes the three characters Slack reads as markup', () => {
    expect(escapeText('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
  });

  it('shows typed mentions, channel pings and links as typed, never as markup', () => {
    const out = slackText('<@U123> <!channel> <!here> <https://evil.example|click> & co');
    expect(out).toBe('&lt;@U123&gt; &lt;!channel&gt; &lt;!here&gt; &lt;https://evil.example|click&gt; &amp; co');
  });

  it('draws a person token as a real mention, and only tokens', () => {
    expect(slackText(`Thanks ${who(ann)}, <@U999> said so`)).toBe('Thanks <@U123>, &lt;@U999&gt; said so');
  });

  it('draws a person whose id could not be Slack\'s as a name, escaped', () => {
    expect(slackText(who({ platformUserId: 'U1><!channel', displayName: 'Eve <!here>' }))).toBe('@Eve &lt;!here&gt;');
    expect(slackText(who({ platformUserId: 'U1|x', displayName: 'Eve' }))).toBe('@Eve');
  });

  it('removes control characters that came with the text, so they cannot start a token', () => {
    expect(slackText('a\u0004b\u0007c\u0002d')).toBe('abcd');
  });

  it('names people in plain_text and in the notification text', () => {
    const message: Message = { text: `Hi ${who(ann)} & <!channel>`, blocks: [{ type: 'heading', text: `Hi ${who(ann)}` }] };
    expect(textOf(renderBlocks(message)[0])).toBe('Hi @Ann');
    expect(plainFallback(message)).toBe('Hi @Ann &amp; &lt;!channel&gt;');
  });

  it('cuts and splits escaped text only between whole entities, mentions and characters', () => {
    const pieces = fc.array(fc.oneof(fc.constantFrom('<', '>', '&', ' ', '\n', '🙂', '*', 'é', '<@U1>', who(ann)), fc.string()), { maxLength: 60 });
    fc.assert(
      fc.property(pieces, fc.integer({ min: 20, max: 200 }), (parts, max) => {
        const text = slackText(parts.join(''));
        const cut = cutMarkup(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
        if (cut !== text) expect(cut.endsWith('…')).toBe(true);
        const split = splitMarkup(text, max);
        for (const piece of split) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(wellFormed(piece)).toBe(true);
        }
        expect(split.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

describe('message blocks', () => {
  it('gives buttons of one kind action_ids of their own, read back to the core\'s id', () => {
    const blocks = renderBlocks({ text: 'Will you come?', actions: rsvpButtons(12) });
    const actions = blocks.find((b) => b.type === 'actions');
    const ids = actions?.type === 'actions' ? actions.elements.map((e) => ('action_id' in e ? e.action_id : undefined)) : [];
    expect(ids).toEqual(['rsvp#0', 'rsvp#1', 'rsvp#2']);
    expect(ids.map((id) => actionIdOf(id!))).toEqual(['rsvp', 'rsvp', 'rsvp']);
    expect(actionIdOf('rotation.withdraw#12')).toBe('rotation.withdraw');
    expect(actionIdOf('privacy.erase')).toBe('privacy.erase');
    expect(messageProblems(blocks)).toEqual([]);
  });

  it('keeps buttons to 25 a block, and to what the message can hold, saying how many did not fit', () => {
    const buttons: Button[] = Array.from({ length: 300 }, (_, i) => ({ id: 'rsvp', label: `${i}`, value: `${i + 1}:yes` }));
    const blocks = renderBlocks({ text: 'Pick one', actions: buttons });
    expect(messageProblems(blocks)).toEqual([]);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual(Array(10).fill(25));
    expect(textOf(blocks[1])).toBe('… (shortened: 50 buttons did not fit in one Slack message)');
  });

  it('keeps a button label and confirm dialog to their lengths, ending cuts with "…"', () => {
    const long = 'x'.repeat(400);
    const blocks = renderBlocks({ text: 'Sure?', actions: [{ id: 'privacy.erase', label: long, value: '1', style: 'danger', confirm: { title: long, text: long, yes: long, no: long } }] });
    expect(messageProblems(blocks)).toEqual([]);
    expect(blocks[1]).toMatchObject({
      type: 'actions',
      elements: [{ type: 'button', action_id: 'privacy.erase#0', style: 'danger', text: { text: expect.stringMatching(/^x{74}…$/) }, confirm: { style: 'danger', title: { text: expect.stringMatching(/^x{99}…$/) }, text: { text: expect.stringMatching(/^x{299}…$/) }, confirm: { text: expect.stringMatching(/^x{29}…$/) } } }],
    });
  });

  it('refuses a button value Slack would refuse, rather than cutting what routes it', () => {
    expect(() => renderBlocks({ text: 'x', actions: [{ id: 'rsvp', label: 'Yes', value: 'v'.repeat(2001) }] })).toThrow(/value/);
  });

  it('shortens visibly: 1,000 list items end with a note counting what was left out', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `item ${i} <@U1> & more`);
    for (const [surface, check] of [
      ['message', messageProblems],
      ['home', (blocks: KnownBlock[]) => viewProblems({ type: 'home', blocks })],
    ] as const) {
      const blocks = renderBlocks({ text: '', blocks: [{ type: 'list', items }], actions: rsvpButtons(1) }, { surface });
      expect(check(blocks)).toEqual([]);
      const note = blocks.at(-2);
      expect(note?.type).toBe('context');
      const omitted = Number(/shortened: (\d+) more lines/.exec(textOf(note))?.[1]);
      const shown = blocks.flatMap((b) => textOf(b).split('\n')).filter((line) => line.startsWith('• ') && !line.endsWith('…'));
      expect(shown.length + omitted).toBe(1000);
    }
  });

  it('continues a long paragraph in further sections, and cuts with "…" only when the message is full', () => {
    const text = 'word & <@U1> '.repeat(3000);
    const blocks = renderBlocks(paragraph(text));
    expect(messageProblems(blocks)).toEqual([]);
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    expect(textOf(sections.at(-1)).endsWith('…')).toBe(true);
    expect(textOf(blocks.at(-1))).toMatch(/shortened/);
    const short = renderBlocks(paragraph('word '.repeat(1000)));
    expect(short.map((b) => b.type)).toEqual(['section', 'section']);
    expect(short.map(textOf).join(' ').trim()).toBe('word '.repeat(1000).trim());
  });

  it('puts ten fields to a section, and a field too long for one in sections of its own', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const blocks = renderBlocks({ text: '', blocks: [{ type: 'fields', fields: [...fields, { label: 'Long', value: 'y '.repeat(1500) }] }] });
    expect(messageProblems(blocks)).toEqual([]);
    expect(blocks.map((b) => (b.type === 'section' ? (b.fields?.length ?? 'text') : b.type))).toEqual([10, 10, 5, 'text', 'text']);
    expect(textOf(blocks[3])).toMatch(/^\*Long\*\ny y/);
  });

  it('shows a heading too long for a header in full, in bold', () => {
    const blocks = renderBlocks({ text: '', blocks: [{ type: 'heading', text: 'h'.repeat(200) }] });
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `*${'h'.repeat(200)}*`, verbatim: true } }]);
  });

  it('marks a warning, renders text without blocks, and sends nothing for nothing', () => {
    expect(textOf(renderBlocks({ text: 'Careful', tone: 'warning' })[0])).toBe(':warning: Careful');
    expect(renderBlocks({ text: '' })).toEqual([]);
    expect(renderBlocks({ text: '  \n ', actions: rsvpButtons(1) }).map((b) => b.type)).toEqual(['actions']);
  });

  it('keeps blank lines between paragraphs of one text, and never makes a block of blank lines', () => {
    expect(textOf(renderBlocks({ text: 'one\n\ntwo' })[0])).toBe('one\n\ntwo');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a'.repeat(999), 'a'.repeat(1000), 'a'.repeat(3000), 'b', '', ' ', '\n'), { maxLength: 40 }), (lines) => {
        expect(messageProblems(renderBlocks({ text: lines.join('\n') }))).toEqual([]);
      }),
    );
  });

  it('keeps the notification text to 3,000 characters, escaped, cut visibly', () => {
    const text = plainFallback({ text: '&'.repeat(10000) });
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('…')).toBe(true);
    expect(fallbackProblems(text)).toEqual([]);
  });

  it('renders an App Home tab, never empty', () => {
    expect(renderHome({ text: '' })).toEqual({ type: 'home', blocks: [expect.objectContaining({ type: 'context' })] });
    expect(viewProblems(renderHome(paragraph('x '.repeat(20000))))).toEqual([]);
  });
});

const FIELDS: FormField[] = [
  { id: 'challenge', label: 'Your challenge in a sentence', kind: 'short', required: true, maxLength: 200, hint: 'Try "How can I..."', initial: 'How can I <@U1> & co?' },
  { id: 'why', label: 'Why it matters', kind: 'long', required: false, maxLength: 5000 },
  { id: 'answer', label: 'Coming?', kind: 'select', required: true, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], initial: 'no' },
  { id: 'day', label: 'Day', kind: 'date', required: true, initial: '2027-02-28' },
  { id: 'at', label: 'Time', kind: 'time', required: false, initial: '09:30' },
];
const FORM: Form = { id: 'challenge:3', title: 'Your leadership challenge for Northern Lights', submitLabel: 'Save my challenge now please', fields: FIELDS };

/** What Slack sends back for a rendered modal whose inputs hold `answers`, as view.state.values. */
function stateFor(blocks: readonly AnyBlock[], answers: Readonly<Record<string, string>>) {
  const inputs = blocks.filter((b): b is InputBlock => b.type === 'input');
  return Object.fromEntries(
    inputs.map((input) => {
      const { type, action_id: id } = input.element as { type: string; action_id: string };
      const answer = answers[id] ?? null;
      const state =
        type === 'static_select'
          ? { type, selected_option: answer === null ? null : { text: { type: 'plain_text', text: answer }, value: answer } }
          : type === 'datepicker'
            ? { type, selected_date: answer }
            : type === 'timepicker'
              ? { type, selected_time: answer, timezone: 'Europe/London' }
              : { type, value: answer };
      return [input.block_id, { [id]: state }];
    }),
  );
}

describe('modals', () => {
  it('renders every kind of field within the limits, the cut title shown whole above them', () => {
    const view = renderModal(FORM, { privateMetadata: '{"c":"C1"}', intro: `Write it, ${who(ann)}.` });
    expect(viewProblems(view)).toEqual([]);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'challenge:3', private_metadata: '{"c":"C1"}', title: { text: 'Your leadership challen…' }, submit: { text: 'Save my challenge now p…' }, close: { text: 'Cancel' } });
    expect(view.blocks.slice(0, 2)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: FORM.title } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Write it, <@U123>.', verbatim: true } },
    ]);
    const inputs = view.blocks.filter((b): b is InputBlock => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.optional, b.element.type])).toEqual([
      ['challenge', false, 'plain_text_input'],
      ['why', true, 'plain_text_input'],
      ['answer', false, 'static_select'],
      ['day', false, 'datepicker'],
      ['at', true, 'timepicker'],
    ]);
    expect(inputs.map((b) => b.element)).toMatchObject([
      { action_id: 'challenge', max_length: 200, initial_value: 'How can I <@U1> & co?' },
      { action_id: 'why', multiline: true, max_length: 3000 },
      { action_id: 'answer', initial_option: { value: 'no' } },
      { action_id: 'day', initial_date: '2027-02-28' },
      { action_id: 'at', initial_time: '09:30' },
    ]);
  });

  it('leaves out an initial date or time that is not one', () => {
    const view = renderModal({ ...FORM, fields: [{ ...FIELDS[3]!, initial: '2027-02-30' }, { ...FIELDS[4]!, initial: '25:00' }] });
    const elements = view.blocks.filter((b): b is InputBlock => b.type === 'input').map((b) => b.element);
    expect(elements).toEqual([{ type: 'datepicker', action_id: 'day' }, { type: 'timepicker', action_id: 'at' }]);
  });

  it('shows the first 100 choices of a longer list, and says so', () => {
    const options = Array.from({ length: 150 }, (_, i) => ({ value: String(i), label: `Choice ${i} ${'x'.repeat(100)}` }));
    const view = renderModal({ ...FORM, fields: [{ id: 'pick', label: 'Pick', kind: 'select', required: true, options }] });
    expect(viewProblems(view)).toEqual([]);
    expect(view.blocks.at(-1)).toMatchObject({ hint: { text: '(the first 100 choices are shown)' } });
  });

  it('refuses what only a programming error makes: long metadata or callback id, repeated field ids', () => {
    expect(() => renderModal(FORM, { privateMetadata: 'x'.repeat(3001) })).toThrow(/private_metadata/);
    expect(() => renderModal(FORM, { callbackId: 'x'.repeat(256) })).toThrow(/callback_id/);
    expect(() => renderModal({ ...FORM, fields: [FIELDS[0]!, FIELDS[0]!] })).toThrow(/repeated/);
  });

  it('reads back the answers of the fields it rendered', () => {
    const answers = { challenge: 'How can I <@U1> & co?', why: 'Because\nit matters', answer: 'yes', day: '2027-03-02', at: '10:15' };
    const view = renderModal(FORM);
    const ids = FIELDS.map((f) => f.id);
    expect(readModalValues(stateFor(view.blocks, answers), ids)).toEqual(answers);
    expect(readModalValues(stateFor(view.blocks, {}), ids)).toEqual({ challenge: '', why: '', answer: '', day: '', at: '' });
    expect(readModalValues(stateFor(view.blocks, { why: 'w' }))).toEqual({ challenge: '', why: 'w', answer: '', day: '', at: '' });
  });

  it('reads any payload at all without throwing, and gives back only strings', () => {
    const check = (values: unknown, ids?: string[]) => {
      const read = readModalValues(values, ids);
      expect(Object.values(read).every((v) => typeof v === 'string')).toBe(true);
      if (ids) expect(Object.keys(read).sort()).toEqual([...new Set(ids)].sort());
    };
    fc.assert(fc.property(fc.anything(), (v) => check(v)));
    fc.assert(fc.property(fc.jsonValue(), fc.array(fc.string()), (v, ids) => check(v, ids)));
    const nested = fc.dictionary(fc.string(), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'challenge', 'x'), fc.anything()));
    fc.assert(fc.property(nested, (v) => check(v)));
    expect(readModalValues({ b: { ['__proto__']: { type: 'plain_text_input', value: 'p' } } })).toEqual(Object.fromEntries([['__proto__', 'p']]));
    expect(Object.getPrototypeOf(readModalValues({ b: { ['__proto__']: { value: 'p' } } }))).toBe(Object.prototype);
  });

  it('puts each error under its field, a stray one under the first, each a sentence or two', () => {
    expect(fieldErrorsFor({ why: 'Too long.', nope: `Ask ${who(ann)}.` }, FORM)).toEqual({ why: 'Too long.', challenge: 'Ask @Ann.' });
    expect(fieldErrorsFor({ why: 'Too long.', nope: 'Elsewhere.' }, ['challenge', 'why'])).toEqual({ why: 'Too long.', challenge: 'Elsewhere.' });
    expect(fieldErrorsFor({ why: 'e'.repeat(1000) }).why).toMatch(/^e{299}…$/);
    expect(fieldErrorsFor({ why: '' })).toEqual({ why: 'Check this answer.' });
  });
});

describe('the limits check itself', () => {
  const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  it('finds what Slack would refuse', () => {
    const button = { type: 'button' as const, action_id: 'a', text: { type: 'plain_text' as const, text: 'b'.repeat(76) } };
    const blocks: KnownBlock[] = [
      section('s'.repeat(3001)),
      section('<!channel>'),
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f' })) },
      { type: 'actions', elements: [button, button] },
      ...Array.from({ length: 46 }, () => ({ type: 'divider' as const })),
    ];
    const problems = messageProblems(blocks).join('\n');
    for (const expected of ['51 > 50', 'text of 3001', 'unescaped', 'text of 151', '11 fields', 'text of 76', 'action_id a used twice']) expect(problems).toContain(expected);
    expect(viewProblems({ type: 'modal', title: { type: 'plain_text', text: 't'.repeat(25) }, blocks: [] }).join()).toContain('25 > 24');
  });
});
