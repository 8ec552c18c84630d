import type { ChatPort, PostedMessage } from '../../src/ports/chat';
import type { Address } from '../../src/domain/address';
import type { Message } from '../../src/messages/model';
import { labelOf } from './identity';
import { formatDelivery } from './render';

/** The console's ChatPort: every message is printed with where it went. */
export class ConsoleChat implements ChatPort {
  private sent = 0;

  constructor(private readonly print: (text: string) => void) {}

  async post(to: Address, message: Message): Promise<PostedMessage> {
    this.print(formatDelivery(labelOf(to), message));
    return { address: to, ref: { n: ++this.sent } };
  }

  async update(posted: PostedMessage, message: Message): Promise<void> {
    this.print(formatDelivery(`${labelOf(posted.address)}, edited`, message));
  }
}
