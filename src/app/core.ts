import { randomUUID } from 'node:crypto';
import { parseCommand } from '../commands/parse';
import { SetwiseError } from '../domain/errors';
import type { Message } from '../messages/model';
import { cleanLine, cleanName, cleanText, withoutInvisibles } from '../domain/text';
import type { Core, Identity, Incoming, Payload, Reply } from '../ports/inbound';
import { StoreUnavailable } from '../ports/store';
import { privateReply, type Deps, type Turn } from './context';
import { dispatch } from './dispatch';
import { pressButton, submitForm } from './buttons';
import { overview } from './overview';
import { lifecycle } from './lifecycle';
import { parseZone } from '../domain/zone';

/** The innermost cause of an error, as its code and message. */
function rootCause(error: Error): { readonly code?: unknown; readonly message: string } {
  let e: Error = error;
  for (let depth = 0; e.cause instanceof Error && depth < 5; depth++) e = e.cause;
  return { code: (e as { code?: unknown }).code, message: e.message };
}

const refusal = (message: string, hint?: string): Reply =>
  privateReply({ tone: 'error', text: hint ? `${message} ${hint}` : message } satisfies Message);

/** A platform's id: real ones never hold invisible characters, so removing them changes none, and no id can carry them in. */
const cleanId = (id: string): string => withoutInvisibles(cleanLine(id));

/** A zone a platform reports is used only when it is one Setwise can compute with. */
const knownZone = (zone: string | undefined): string | undefined => {
  if (zone === undefined) return undefined;
  try {
    return parseZone(zone);
  } catch {
    return undefined;
  }
};

const cleanIdentity = (who: Identity): Identity => {
  const userId = cleanId(who.userId);
  const { timeZone, ...rest } = who;
  const zone = knownZone(timeZone);
  return { ...rest, userId, displayName: cleanName(who.displayName) || userId || 'someone', ...(zone ? { timeZone: zone } : {}) };
};

/**
 * The core's input boundary: whatever an adapter passes on, no control character or
 * bidi override gets into a command, a stored text or a name (see domain/text.ts).
 */
function cleanIncoming(incoming: Incoming): Incoming {
  const { payload } = incoming;
  const clean: Payload =
    payload.type === 'command'
      ? { type: 'command', text: cleanText(payload.text), mentions: payload.mentions.map((m) => ({ token: cleanLine(m.token), identity: cleanIdentity(m.identity) })) }
      : payload.type === 'action'
        ? { type: 'action', actionId: cleanLine(payload.actionId), value: cleanLine(payload.value) }
        : payload.type === 'form'
          ? { type: 'form', formId: cleanLine(payload.formId), values: Object.fromEntries(Object.entries(payload.values).map(([k, v]) => [cleanLine(k), cleanText(String(v))])) }
          : { type: 'lifecycle', event: payload.event, people: payload.people.map(cleanIdentity) };
  return {
    ...incoming,
    workspaceId: cleanId(incoming.workspaceId),
    ...(incoming.eventId !== undefined ? { eventId: cleanLine(incoming.eventId) } : {}),
    actor: cleanIdentity(incoming.actor),
    where: { ...incoming.where, id: cleanId(incoming.where.id), label: cleanLine(incoming.where.label) },
    payload: clean,
  };
}

/** What a platform's redelivery of an event gets: nothing to send. */
const DUPLICATE: Reply = { visibility: 'private', message: { text: '' }, duplicate: true };

/**
 * Whether this is the first delivery of the event. The id is recorded before the
 * event is handled: a crash in between loses that one event rather than doing it
 * twice (a command or a click is at most once; the person can repeat it).
 */
async function firstDelivery(deps: Deps, incoming: Incoming): Promise<boolean> {
  if (!incoming.eventId) return true;
  // As JSON, so no workspace id and event id can run together into another pair's key.
  return deps.store.events.firstDelivery(incoming.platform, JSON.stringify([incoming.workspaceId, incoming.eventId]), deps.clock.now());
}

/** The platform-agnostic core: every adapter hands it an Incoming and renders the Reply. */
export function createCore(deps: Deps): Core {
  async function turnFor(incoming: Incoming, mentions: Turn['mentions']): Promise<Turn> {
    const workspace = await deps.store.workspaces.ensure(incoming.platform, incoming.workspaceId);
    const actor = await deps.store.people.upsert(workspace.id, incoming.actor, deps.clock.now());
    return { workspace, actor, where: incoming.where, mentions };
  }

  async function handleCommand(incoming: Incoming, text: string, mentions: Turn['mentions']): Promise<Reply> {
    const parsed = parseCommand(text);
    if (!parsed.ok) return refusal(parsed.problem.message, parsed.problem.hint);
    return dispatch(deps, await turnFor(incoming, mentions), parsed.command);
  }

  return {
    async handle(raw) {
      let incoming = raw;
      try {
        incoming = cleanIncoming(raw);
        // A person sending faster than anyone types is told to slow down, before any work
        // (and before the event is recorded, so the same event sent again later counts).
        if (incoming.payload.type !== 'lifecycle' && deps.flood && !deps.flood.take(JSON.stringify([incoming.platform, incoming.workspaceId, incoming.actor.userId]), deps.clock.now())) {
          return privateReply({ tone: 'warning', text: 'You are sending me requests faster than I can take them. Please wait a few seconds, then try again.' });
        }
        if (!(await firstDelivery(deps, incoming))) return DUPLICATE;
        const { payload } = incoming;
        switch (payload.type) {
          case 'command': {
            const mentions = new Map(payload.mentions.map((m) => [m.token.toLowerCase(), m.identity]));
            return await handleCommand(incoming, payload.text, mentions);
          }
          case 'action':
            return await pressButton(deps, await turnFor(incoming, new Map()), payload.actionId, payload.value);
          case 'form':
            return await submitForm(deps, await turnFor(incoming, new Map()), payload.formId, payload.values);
          case 'lifecycle':
            return await lifecycle(deps, incoming, payload.event, payload.people);
        }
      } catch (error) {
        if (error instanceof SetwiseError) return refusal(error.message, error.hint);
        // A database that is restarting or failing over: the person's request is theirs to send again.
        if (error instanceof StoreUnavailable) {
          // The driver's own words only: a wrapped query error would quote the query's values, people's words among them.
          deps.log.warn({ reason: rootCause(error), platform: incoming.platform, payload: incoming.payload.type }, 'database unreachable: request answered "try again"');
          return refusal("I can't reach my database just now.", 'Please try again shortly.');
        }
        // Anything else is our fault: log it with a reference the person can quote.
        const ref = randomUUID().slice(0, 8);
        deps.log.error({ err: error, ref, platform: incoming.platform, payload: incoming.payload.type }, 'request failed');
        return refusal(`Something went wrong on my side (ref ${ref}).`, 'Please try again in a moment.');
      }
    },

    async overview(platform, workspaceId, actor) {
      return overview(deps, platform, cleanId(workspaceId), cleanIdentity(actor));
    },
  };
}
