import { randomUUID } from 'node:crypto';
import { parseCommand } from '../commands/parse';
import { SetwiseError } from '../domain/errors';
import type { Message } from '../messages/model';
import { cleanLine, cleanName, cleanText, withoutInvisibles } from '../domain/text';
import type { Core, Identity, Incoming, Payload, Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { dispatch } from './dispatch';
import { pressButton, submitForm } from './buttons';

const refusal = (message: string, hint?: string): Reply =>
  privateReply({ tone: 'error', text: hint ? `${message} ${hint}` : message } satisfies Message);

/** A platform's id: real ones never hold invisible characters, so removing them changes none, and no id can carry them in. */
const cleanId = (id: string): string => withoutInvisibles(cleanLine(id));

const cleanIdentity = (who: Identity): Identity => {
  const userId = cleanId(who.userId);
  return { ...who, userId, displayName: cleanName(who.displayName) || userId || 'someone' };
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
        : { type: 'form', formId: cleanLine(payload.formId), values: Object.fromEntries(Object.entries(payload.values).map(([k, v]) => [cleanLine(k), cleanText(String(v))])) };
  return {
    ...incoming,
    workspaceId: cleanId(incoming.workspaceId),
    actor: cleanIdentity(incoming.actor),
    where: { ...incoming.where, id: cleanId(incoming.where.id), label: cleanLine(incoming.where.label) },
    payload: clean,
  };
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
        }
      } catch (error) {
        if (error instanceof SetwiseError) return refusal(error.message, error.hint);
        // Anything else is our fault: log it with a reference the person can quote.
        const ref = randomUUID().slice(0, 8);
        deps.log.error({ err: error, ref, platform: incoming.platform, payload: incoming.payload.type }, 'request failed');
        return refusal(`Something went wrong on my side (ref ${ref}).`, 'Please try again in a moment.');
      }
    },
  };
}
