import { createInterface } from 'node:readline';
import type { Core } from '../../src/ports/inbound';
import type { ConsolePrinter } from './printer';
import { ConsoleSession } from './session';
import { stateFile } from './state';

export interface ConsoleOptions {
  readonly core: Core;
  readonly input: NodeJS.ReadableStream;
  readonly printer: ConsolePrinter;
  /** Interactive with a prompt on a terminal; otherwise scripted: echo each line, exit at end of input. */
  readonly interactive: boolean;
  /** Where to remember who was speaking and where between runs; none for a throwaway chat. */
  readonly statePath?: string;
  /** Moves the console's clock on, sending the nudges due meanwhile (`:advance`). */
  readonly advance?: (ms: number) => Promise<string>;
  /** The console's clock, for `:advance to`. */
  readonly now?: () => Date;
}

/**
 * Runs the local chat until end of input or `:quit`. Lines are handled one at a
 * time, in order, so a piped script behaves exactly like typing.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { core, input, printer, interactive } = options;
  const { print } = printer;
  const state = stateFile(options.statePath);
  const session = new ConsoleSession(core, printer, state.load(), state.save, options.advance, options.now);
  const rl = createInterface({ input, output: interactive ? process.stdout : undefined, terminal: interactive });
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(`${session.context}> `);
    rl.prompt();
  };
  if (interactive) {
    print('Setwise console: a local chat with the bot. Type :help for the console, help for Setwise.');
  }
  prompt();
  for await (const raw of rl) {
    if (!interactive) print(`${session.context}> ${raw.trim()}`);
    let keepGoing = true;
    try {
      keepGoing = await session.line(raw);
    } catch (error) {
      // The core answers its own errors; reaching here is a console bug. Say so, keep the chat alive.
      print(`· console error: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!keepGoing) break;
    prompt();
  }
  rl.close();
}
