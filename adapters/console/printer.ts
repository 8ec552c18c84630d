import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Attachment, Message } from '../../src/messages/model';
import { formatDelivery } from './render';

/**
 * Prints every delivery, `[where] Setwise: ...`, and saves any file that comes with
 * a message (a calendar, an export) into `filesDir`, printing its path.
 */
export class ConsolePrinter {
  constructor(
    readonly print: (text: string) => void,
    private readonly filesDir: string,
  ) {}

  deliver(label: string, message: Message): void {
    const saved = message.file ? this.save(message.file) : undefined;
    this.print(formatDelivery(label, message, saved));
  }

  private save(file: Attachment): string {
    mkdirSync(this.filesDir, { recursive: true });
    // The name comes from the core, but a file name is still outside input: keep it plain.
    const path = resolve(join(this.filesDir, file.name.replace(/[^\w.-]+/g, '-')));
    writeFileSync(path, file.content);
    return path;
  }
}
