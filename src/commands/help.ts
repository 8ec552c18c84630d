import type { Block, Message } from '../messages/model';
import { grammar, commandNames, type Area, type CommandName, type Who } from './grammar';
import { subcommandsOf, suggestFor } from './parse';

const WHO: Record<Who, string> = {
  anyone: 'anyone',
  members: "the set's members",
  facilitators: "the set's facilitators",
};

const line = (name: CommandName) => {
  const s = grammar[name];
  return `\`${s.usage}\` — ${s.summary}${s.built ? '' : ' (coming soon)'}`;
};

/** `help`: every command, grouped by what it is for. */
function overview(): Message {
  const areas = [...new Set(commandNames.map((n) => grammar[n].area))] as Area[];
  const blocks: Block[] = [{ type: 'heading', text: 'Setwise commands' }];
  for (const area of areas) {
    blocks.push({ type: 'paragraph', text: area });
    blocks.push({ type: 'list', items: commandNames.filter((n) => grammar[n].area === area).map(line) });
  }
  blocks.push({ type: 'context', text: 'Type `help <command>` for details and an example, e.g. `help set create`.' });
  const text = ['Setwise commands:', ...commandNames.map((n) => `  ${grammar[n].usage}`), 'Type `help <command>` for details.'].join('\n');
  return { text, blocks };
}

function detail(name: CommandName): Message {
  const s = grammar[name];
  const status = s.built ? [] : [{ label: 'Status', value: 'coming soon: in the grammar, not built yet' }];
  return {
    text: `${s.usage}: ${s.summary}. Example: ${s.example}`,
    blocks: [
      { type: 'heading', text: s.usage },
      { type: 'paragraph', text: s.summary.charAt(0).toUpperCase() + s.summary.slice(1) + '.' },
      { type: 'fields', fields: [{ label: 'Who', value: WHO[s.who] }, { label: 'Example', value: `\`${s.example}\`` }, ...status] },
    ],
  };
}

/** `help [topic]`: the overview, one command, or a group such as `help set`. */
export function helpFor(topic: string | undefined): Message {
  if (topic === undefined) return overview();
  const key = topic.trim().toLowerCase().replace(/\s+/g, ' ');
  const isName = Object.hasOwn(grammar, key);
  const group = subcommandsOf(key);
  if (isName && group.length === 0) return detail(key as CommandName);
  const family = [...(isName ? [key as CommandName] : []), ...group];
  if (family.length > 0) {
    return {
      text: family.map((n) => grammar[n].usage).join('\n'),
      blocks: [{ type: 'heading', text: `${key} commands` }, { type: 'list', items: family.map(line) }],
    };
  }
  const near = suggestFor(key);
  return {
    tone: 'warning',
    text: `There is no command \`${topic}\`. ${near.length ? `Did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : 'Type `help` to see them all.'}`,
  };
}
