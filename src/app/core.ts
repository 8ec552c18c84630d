import { randomUUID } from 'node:crypto';
import { parseCommand } from '../commands/parse';
import { SetwiseError } from '../domain/errors';
import type { Message } from '../messages/model';
import type { Core, Incoming, Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { dispatch } from './dispatch';
import { pressButton, submitForm } from './buttons';

const refusal = (message: string, hint?: string): Reply =>
  privateReply({ tone: 'error', text: hint ? `${message} ${hint}` : message } satisfies Message);

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
    async handle(incoming) {
      try {
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
