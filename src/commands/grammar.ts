import { meetingDayCommands } from './grammar/meeting-day';
import { meetingCommands } from './grammar/meetings';
import { presentingCommands } from './grammar/presenting';
import { setCommands } from './grammar/sets';
import { workCommands } from './grammar/work';
import { youCommands } from './grammar/you';

export type { Area, Spec, Who } from './spec';
export type { NudgeSetting, NudgeValue } from './grammar/sets';

/** Every command of the brief, in the order `help` lists them; one file per area. */
export const grammar = { ...setCommands, ...meetingCommands, ...meetingDayCommands, ...presentingCommands, ...workCommands, ...youCommands } as const;

export type Grammar = typeof grammar;
export type CommandName = keyof Grammar;
export type Command = {
  [K in CommandName]: { readonly name: K; readonly args: ReturnType<Grammar[K]['parse']> };
}[CommandName];
export type CommandOf<K extends CommandName> = Extract<Command, { name: K }>;

export const commandNames = Object.keys(grammar) as CommandName[];
