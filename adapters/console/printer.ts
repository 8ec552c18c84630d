import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Attachment, Button, Message } from '../../src/messages/model';
import { formatDelivery } from './render';

/**
 * Prints every delivery, `[where] Setwise: ...`, and saves any file that comes with
 * a message (a calendar, an export) into `filesDir`, printing its path.
 */
export class ConsolePrinter {
  /** The buttons of the latest message in each place, and when it was shown, for `:click`. */
  private readonly buttons = new Map<string, { readonly shown: number; readonly buttons: readonly Button[] }>();
  private shown = 0;

  constructor(
    readonly print: (text: string) => void,
    private readonly filesDir: string,
  ) {}

  /** Prints a message; its buttons are kept under `buttonsFor` (the place, unless only one person saw it). */
  deliver(label: string, message: Message, buttonsFor = label): void {
    if (message.actions?.length) this.buttons.set(buttonsFor, { shown: ++this.shown, buttons: message.actions });
    const saved = message.file ? this.save(message.file) : undefined;
    this.print(formatDelivery(label, message, saved));
  }

  /** The button labelled `label` on the most recent message, among `places`, that has one. */
  findButton(places: readonly string[], label: string): Button | undefined {
    const hits = places.flatMap((place) => {
      const latest = this.buttons.get(place);
      const hit = latest?.buttons.find((b) => b.label.toLowerCase() === label.toLowerCase());
      return latest && hit ? [{ shown: latest.shown, hit }] : [];
    });
    return hits.sort((a, b) => b.shown - a.shown)[0]?.hit;
  }

  private save(file: Attachment): string {
    mkdirSync(this.filesDir, { recursive: true });
    // The name comes from the core, but a file name is still outside input: keep it plain.
    const path = resolve(join(this.filesDir, file.name.replace(/[^\w.-]+/g, '-')));
    writeFileSync(path, file.content);
    return path;
  }
}
