import type { Block, Message } from '../messages/model';
import { explanations } from './explain';
import { grammar, commandNames, type Area, type CommandName, type Who } from './grammar';
import { subcommandsOf, suggestFor } from './parse';

const WHO: Record<Who, string> = {
  anyone: 'anyone',
  members: "the set's members",
  facilitators: "the set's facilitators",
  'facilitators and sponsors': "the set's facilitators and its programme sponsors (figures only)",
};

/** The usage lines the overview shows for a command: its usage, and any form worth seeing beside it. */
const overviewUsages = (name: CommandName): string[] => {
  const extra = explanations[name].forms.filter((f) => f.inOverview).map((f) => f.usage);
  return extra.length ? extra : [grammar[name].usage];
};

/** `help`: every command, grouped by what it is for. */
function overview(): Message {
  const areas = [...new Set(commandNames.map((n) => grammar[n].area))] as Area[];
  const blocks: Block[] = [{ type: 'heading', text: 'Setwise commands' }];
  for (const area of areas) {
    const names = commandNames.filter((n) => grammar[n].area === area);
    blocks.push({ type: 'paragraph', text: area });
    blocks.push({ type: 'list', items: names.flatMap((n) => overviewUsages(n).map((u) => `\`${u}\` — ${grammar[n].summary}${grammar[n].built ? '' : ' (coming soon)'}`)) });
  }
  blocks.push({ type: 'context', text: 'Type `help <command>` for its forms and a worked example, e.g. `help schedule`.' });
  const text = ['Setwise commands:', ...commandNames.flatMap((n) => overviewUsages(n).map((u) => `  ${u}`)), 'Type `help <command>` for its forms and a worked example.'].join('\n');
  return { text, blocks };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `help <command>`: its purpose, each form with what it does, options, who may use it, and a worked example. */
function detail(name: CommandName): Message {
  const s = grammar[name];
  const e = explanations[name];
  const purpose = `${capital(s.summary)}.`;
  const forms = e.forms.map((f) => `\`${f.usage}\`: ${f.meaning}`);
  const options = (e.options ?? []).map((o) => `\`${o.option}\`: ${o.meaning}`);
  const example = `\`${s.example}\` ${e.exampleMeans}`;
  const status = s.built ? [] : ['Coming soon: in the grammar, not built yet.'];
  const text = [
    `${name}: ${purpose}`,
    ...forms.map((f) => `- ${f}`),
    ...(options.length ? ['Options:', ...options.map((o) => `- ${o}`)] : []),
    `Example: ${example}`,
    `Who: ${WHO[s.who]}.`,
    ...status,
  ].join('\n');
  return {
    text,
    blocks: [
      { type: 'heading', text: name },
      { type: 'paragraph', text: purpose },
      { type: 'list', items: forms },
      ...(options.length ? [{ type: 'paragraph' as const, text: 'Options, in any order:' }, { type: 'list' as const, items: options }] : []),
      { type: 'fields', fields: [{ label: 'Example', value: example }, { label: 'Who', value: WHO[s.who] }] },
      ...status.map((t) => ({ type: 'context' as const, text: t })),
    ],
  };
}

/** `help <group>` (`help meeting`): each command of the group with its purpose and example. */
function groupHelp(key: string, family: readonly CommandName[]): Message {
  const items = family.map((n) => `\`${grammar[n].usage}\`: ${grammar[n].summary}. Example: \`${grammar[n].example}\``);
  return {
    text: [`${key} commands:`, ...items.map((i) => `- ${i}`), `Type \`help ${family[0]}\` for one in full.`].join('\n'),
    blocks: [
      { type: 'heading', text: `${key} commands` },
      { type: 'list', items },
      { type: 'context', text: `Type \`help ${family[0]}\` for one in full.` },
    ],
  };
}

/** A command's help, then the commands that share its first word (`schedule show` after `schedule`). */
function withRelated(message: Message, related: readonly CommandName[]): Message {
  if (related.length === 0) return message;
  const also = `Related: ${related.map((n) => `\`${grammar[n].usage}\` (${grammar[n].summary})`).join('; ')}.`;
  return { ...message, text: `${message.text}\n${also}`, blocks: [...(message.blocks ?? []), { type: 'context', text: also }] };
}

/** `help [topic]`: the overview, one command, or a group such as `help set`. */
export function helpFor(topic: string | undefined): Message {
  if (topic === undefined) return overview();
  const key = topic.trim().toLowerCase().replace(/\s+/g, ' ');
  const isName = Object.hasOwn(grammar, key);
  const group = subcommandsOf(key);
  if (isName) return withRelated(detail(key as CommandName), group);
  if (group.length > 0) return groupHelp(key, group);
  const near = suggestFor(key);
  return {
    tone: 'warning',
    text: `There is no command \`${topic}\`. ${near.length ? `Did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : 'Type `help` to see them all.'}`,
  };
}
