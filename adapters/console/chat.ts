import type { Address, ChatPort, Message, PostedMessage } from '../../src/ports/chat';
import { labelOf } from './identity';
import type { ConsolePrinter } from './printer';

/** The console's ChatPort: every message is printed with where it went. */
export class ConsoleChat implements ChatPort {
  private sent = 0;

  constructor(private readonly printer: ConsolePrinter) {}

  async post(to: Address, message: Message): Promise<PostedMessage> {
    this.printer.deliver(labelOf(to), message);
    return { address: to, ref: { n: ++this.sent } };
  }

  async update(posted: PostedMessage, message: Message): Promise<void> {
    // An edited message keeps its place: its buttons are still the ones `:click` finds there.
    this.printer.deliver(`${labelOf(posted.address)}, edited`, message, { buttonsFor: labelOf(posted.address) });
  }
}
