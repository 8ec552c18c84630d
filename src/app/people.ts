import { SetwiseError } from '../domain/errors';
import type { Person } from '../domain/model';
import type { Message } from '../messages/model';
import type { Deps, Turn } from './context';

/** The people a command named with @, stored (or refreshed) so they can be added to sets. */
export async function resolvePeople(deps: Deps, turn: Turn, tokens: readonly string[]): Promise<Person[]> {
  const people: Person[] = [];
  for (const token of tokens) {
    const identity = turn.mentions.get(token.toLowerCase());
    if (!identity) {
      throw new SetwiseError('not-found', `I can't tell who ${token} is.`, 'Mention them so your chat app links their name.');
    }
    people.push(await deps.store.people.upsert(turn.workspace.id, identity, deps.clock.now()));
  }
  return people;
}

export const resolvePerson = async (deps: Deps, turn: Turn, token: string): Promise<Person> =>
  (await resolvePeople(deps, turn, [token]))[0]!;

/** A private word to someone a change is about; a failed DM never undoes the change itself. */
export async function tell(deps: Deps, person: Person, message: Message): Promise<void> {
  if (!person.dm) return;
  try {
    await deps.chat.post(person.dm, message);
  } catch (error) {
    deps.log.warn({ err: error, personId: person.id }, 'could not send a private notice');
  }
}
