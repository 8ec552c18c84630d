/**
 * Files in Teams (a calendar, a privacy export) go to the person's own chat with the
 * bot as a file consent card: Teams asks them where to save it in their OneDrive, and
 * only then does Setwise upload it. Setwise keeps no copy while it waits: the offer
 * holds the command that made the file, which runs again as that person when they
 * accept, so what they get is current, and nothing is left behind if they erased
 * their data meanwhile. Offers last a day.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bytesOf, type Attachment } from '../../src/ports/chat';
import type { Clock } from '../../src/ports/clock';
import type { Store } from '../../src/ports/store';
import type { Where } from '../../src/ports/inbound';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const OFFER_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Offers kept per person; the oldest goes first. */
const MAX_OFFERS = 5;

const where = z.object({ kind: z.enum(['channel', 'dm']), id: z.string(), label: z.string(), address: z.object({ platform: z.enum(['console', 'slack', 'teams']), kind: z.enum(['channel', 'user']), ref: z.unknown() }) });
const offer = z.object({ id: z.string(), command: z.string(), where, expires: z.number(), name: z.string() });
const offers = z.array(offer);
type Offer = z.infer<typeof offer>;

const keyOf = (tenant: string, user: string) => `offers:${JSON.stringify([tenant, user])}`;

/** What a person answered on a consent card. */
export const consentAnswer = z.object({
  type: z.literal('fileUpload').optional(),
  action: z.enum(['accept', 'decline']),
  context: z.object({ offer: z.string().min(1).max(100) }),
  uploadInfo: z.object({ uploadUrl: z.url({ protocol: /^https?$/ }), contentUrl: z.string().min(1), name: z.string().min(1), uniqueId: z.string().optional(), fileType: z.string().optional() }).optional(),
});
export type ConsentAnswer = z.infer<typeof consentAnswer>;

export class FileOffers {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private async load(tenant: string, user: string): Promise<Offer[]> {
    const parsed = offers.safeParse(await this.store.installations.find('teams', keyOf(tenant, user)));
    const now = this.clock.now().getTime();
    return parsed.success ? parsed.data.filter((o) => o.expires > now) : [];
  }

  /** Keeps an offer of the file `command` makes and gives back the consent card for it. */
  async offer(tenant: string, user: string, command: string, from: Where, file: Attachment): Promise<{ contentType: string; name: string; content: unknown }> {
    const made: Offer = { id: randomUUID(), command, where: from, expires: this.clock.now().getTime() + OFFER_LIFETIME_MS, name: file.name };
    const kept = [...(await this.load(tenant, user)), made].slice(-MAX_OFFERS);
    await this.store.installations.save('teams', keyOf(tenant, user), kept, this.clock.now());
    return {
      contentType: FILE_CONSENT,
      name: file.name,
      content: {
        description: `${file.name}, from Setwise. Choose Allow to save it to your OneDrive.`,
        sizeInBytes: bytesOf(file).length,
        acceptContext: { offer: made.id },
        declineContext: { offer: made.id },
      },
    };
  }

  /** The offer a consent answer is about, taken (it is used once), or undefined when it has expired or is not this person's. */
  async take(tenant: string, user: string, id: string): Promise<Offer | undefined> {
    const kept = await this.load(tenant, user);
    const found = kept.find((o) => o.id === id);
    if (found) await this.store.installations.save('teams', keyOf(tenant, user), kept.filter((o) => o !== found), this.clock.now());
    return found;
  }

  /** The person erased their data: no offer of theirs stays. */
  async forget(tenant: string, user: string): Promise<void> {
    await this.store.installations.remove('teams', keyOf(tenant, user));
  }
}

/** Uploads an accepted file to the place in the person's OneDrive Teams gave for it. */
export async function upload(uploadUrl: string, file: Attachment): Promise<void> {
  const bytes = Buffer.from(bytesOf(file));
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    // No Content-Length of our own: fetch sets it from the body, and the undici Bolt installs
    // as Node 20's fetch (when the Slack adapter is loaded too, as under `npm start`) refuses one set by hand.
    headers: bytes.length > 0 ? { 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` } : {},
    body: bytes,
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`the upload to OneDrive was refused (${response.status})`);
}
