import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Attachment, Button, Message } from '../../src/messages/model';
import { formatDelivery } from './render';

/**
 * Prints every delivery, `[where] Setwise: ...`, and saves any file that comes with
 * a message (a calendar, an export) into `filesDir`, printing its path.
 */
export class ConsolePrinter {
  /** The buttons of the latest message in each place, for `:click`. */
  private readonly buttons = new Map<string, readonly Button[]>();

  constructor(
    readonly print: (text: string) => void,
    private readonly filesDir: string,
  ) {}

  deliver(label: string, message: Message): void {
    if (message.actions?.length) this.buttons.set(label, message.actions);
    const saved = message.file ? this.save(message.file) : undefined;
    this.print(formatDelivery(label, message, saved));
  }

  /** The button labelled `label` on the latest message shown in one of `places`. */
  findButton(places: readonly string[], label: string): Button | undefined {
    for (const place of places) {
      const hit = this.buttons.get(place)?.find((b) => b.label.toLowerCase() === label.toLowerCase());
      if (hit) return hit;
    }
    return undefined;
  }

  private save(file: Attachment): string {
    mkdirSync(this.filesDir, { recursive: true });
    // The name comes from the core, but a file name is still outside input: keep it plain.
    const path = resolve(join(this.filesDir, file.name.replace(/[^\w.-]+/g, '-')));
    writeFileSync(path, file.content);
    return path;
  }
}
