import { describe, expect, it } from 'vitest';
import { explanations } from '../../src/commands/explain';
import { commandNames, grammar } from '../../src/commands/grammar';
import { helpFor } from '../../src/commands/help';
import { parseCommand, subcommandsOf } from '../../src/commands/parse';

describe('help', () => {
  it('lists every command in the overview, marking any not built yet', () => {
    const text = helpFor(undefined).blocks!.flatMap((b) => (b.type === 'list' ? b.items : [])).join('\n');
    for (const name of commandNames) {
      const shown = explanations[name].forms.filter((f) => f.inOverview).map((f) => f.usage);
      for (const usage of shown.length ? shown : [grammar[name].usage]) {
        expect(text).toContain(`\`${usage}\` — ${grammar[name].summary}${grammar[name].built ? '' : ' (coming soon)'}`);
      }
    }
  });

  it('suggests a command for a typo', () => {
    expect(helpFor('membr').text).toBe('There is no command `membr`. Did you mean `member add`?');
    expect(helpFor('member').text.split('\n')[0]).toBe('member commands:');
  });

  it.each(commandNames)('explains `%s`: a purpose, each form with what it does, and a worked example that parses', (name) => {
    const spec = grammar[name];
    const e = explanations[name];
    const text = helpFor(name).text;
    // A one-line purpose.
    expect(spec.summary.length).toBeGreaterThan(10);
    expect(spec.summary).not.toContain('\n');
    expect(text.split('\n')[0]).toBe(`${name}: ${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`);
    // Each form, with what it does.
    expect(e.forms.length).toBeGreaterThan(0);
    for (const form of e.forms) {
      expect(form.usage.startsWith(name.split(' ')[0]!), form.usage).toBe(true);
      expect(form.meaning.length, form.usage).toBeGreaterThan(10);
      expect(text).toContain(`\`${form.usage}\`: ${form.meaning}`);
    }
    // A worked example: the command as typed, what it does, and it really is that command.
    expect(e.exampleMeans.length).toBeGreaterThan(10);
    expect(text).toContain(`Example: \`${spec.example}\` ${e.exampleMeans}`);
    const parsed = parseCommand(spec.example);
    expect(parsed.ok && parsed.command.name, spec.example).toBe(name);
  });

  it('gives every group word its commands, each with its purpose and an example', () => {
    const groups = [...new Set(commandNames.filter((n) => n.includes(' ')).map((n) => n.split(' ')[0]!))].filter((g) => !commandNames.includes(g as never));
    expect(groups).toEqual(expect.arrayContaining(['set', 'meeting', 'member', 'facilitator', 'action', 'me', 'privacy']));
    for (const group of groups) {
      const text = helpFor(group).text;
      for (const name of subcommandsOf(group)) {
        expect(text, group).toContain(`\`${grammar[name].usage}\`: ${grammar[name].summary}. Example: \`${grammar[name].example}\``);
      }
    }
  });

  it('shows the schedule\'s weekly and monthly forms, its options and where `schedule show` is', () => {
    const text = helpFor('schedule').text;
    expect(text).toContain('`schedule every <n> weeks on <weekday> at <HH:MM> [options]`: meet every n weeks on that weekday, at that local time');
    expect(text).toContain('`schedule every month on the <first|second|third|fourth|last> <weekday> at <HH:MM> [options]`');
    expect(text).toContain('- `until <date>`: no meetings after this date');
    expect(text).toContain('Related: `schedule show`');
    // The overview lists both forms too.
    expect(helpFor(undefined).text).toContain('  schedule every month on the <first|second|third|fourth|last> <weekday> at <HH:MM> [options]');
  });
});
