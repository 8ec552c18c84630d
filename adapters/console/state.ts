import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** Who the console was speaking as, and where: kept beside the database so a restart resumes. */
const stateSchema = z.object({
  actor: z.string().regex(/^[A-Za-z][\w.-]{0,39}$/),
  where: z.union([z.literal('dm'), z.string().regex(/^#[a-z0-9][\w-]{0,79}$/i)]),
});

export type ConsoleState = z.infer<typeof stateSchema>;

export const DEFAULT_STATE: ConsoleState = { actor: 'you', where: 'dm' };

export interface StateFile {
  load(): ConsoleState;
  save(state: ConsoleState): void;
}

/** A state file at `path`; a missing or unreadable file just starts afresh. */
export function stateFile(path: string | undefined): StateFile {
  return {
    load() {
      if (!path) return DEFAULT_STATE;
      try {
        const parsed = stateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : DEFAULT_STATE;
      } catch {
        return DEFAULT_STATE;
      }
    },
    save(state) {
      if (!path) return;
      try {
        writeFileSync(path, `${JSON.stringify(state)}\n`);
      } catch {
        // Only a convenience: losing it means starting as "you" in the DM next time.
      }
    },
  };
}
