import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bytesOf, displaySafe, withPlainNames, type Attachment, type Button, type Message } from '../../src/ports/chat';
import { formatDelivery } from './render';

/** Only the owner may read what the bot hands over: folders 0700, files 0600. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const plain = (name: string) => name.replace(/[^\w.-]+/g, '-').replace(/^\.+/, '_');

/**
 * Prints every delivery, `[where] Setwise: ...`, and saves any file that comes with
 * a message (a calendar, an export) into `filesDir`, printing its path. A file of
 * someone's personal data goes in a folder of their own, removed when they erase
 * their data.
 */
export class ConsolePrinter {
  /** The buttons of the latest message in each place, and when it was shown, for `:click`. */
  private readonly buttons = new Map<string, { readonly shown: number; readonly buttons: readonly Button[] }>();
  private shown = 0;

  /**
   * Prints a line: whatever it holds (a message, an echo of what was typed, a note),
   * nothing that could drive the terminal, whatever was stored (the core cleans what comes in).
   */
  readonly print: (text: string) => void;

  constructor(
    print: (text: string) => void,
    private readonly filesDir: string,
  ) {
    // People named in the copy print as @name, the console's only kind of mention.
    this.print = (text) => print(displaySafe(withPlainNames(text)));
  }

  /**
   * Prints a message; its buttons are kept under `buttonsFor` (the place, unless only
   * one person saw it), and a personal file under `owner`'s own folder.
   */
  deliver(label: string, message: Message, { buttonsFor = label, owner }: { buttonsFor?: string; owner?: string } = {}): void {
    if (message.actions?.length) this.buttons.set(buttonsFor, { shown: ++this.shown, buttons: message.actions });
    const saved = (message.files ?? []).map((file) => this.save(file, owner));
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

  /** Deletes every personal file kept for `owner`: their data has been erased. */
  forget(owner: string): void {
    rmSync(this.personalDir(owner), { recursive: true, force: true });
  }

  private personalDir(owner: string): string {
    return join(this.filesDir, 'personal', plain(owner));
  }

  private save(file: Attachment, owner: string | undefined): string {
    const dir = file.personal && owner ? this.personalDir(owner) : this.filesDir;
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
    // mkdir's mode applies only to folders it creates: make sure of any that were there.
    for (const d of new Set([this.filesDir, join(this.filesDir, 'personal'), dir])) if (existsSync(d)) chmodSync(d, PRIVATE_DIR);
    // The name comes from the core, but a file name is still outside input: keep it plain.
    const path = resolve(join(dir, plain(file.name)));
    writeFileSync(path, bytesOf(file), { mode: PRIVATE_FILE });
    chmodSync(path, PRIVATE_FILE); // an older copy may have had wider rights
    return path;
  }
}
