import type { Address } from '../../src/ports/chat';
import type { Identity, Mention, Where } from '../../src/ports/inbound';

/** The console is one local workspace; people and channels are just names. */
export const CONSOLE_WORKSPACE = 'local';

/** The console's own address format: only this adapter reads it. */
export type ConsoleRef = { readonly channel: string } | { readonly user: string; readonly name: string };

const NAME = /^[A-Za-z][\w.-]{0,39}$/;

export const isValidName = (name: string): boolean => NAME.test(name);

export function consolePerson(name: string): Identity {
  const ref: ConsoleRef = { user: name.toLowerCase(), name };
  return { userId: name.toLowerCase(), displayName: name, dm: { platform: 'console', kind: 'user', ref } };
}

export function channelWhere(channel: string): Where {
  const ref: ConsoleRef = { channel: channel.toLowerCase() };
  return { kind: 'channel', id: channel.toLowerCase(), label: `#${channel.toLowerCase()}`, address: { platform: 'console', kind: 'channel', ref } };
}

export function dmWhere(person: Identity): Where {
  return { kind: 'dm', id: `dm:${person.userId}`, label: `dm @${person.displayName}`, address: person.dm! };
}

/** Every @name in a command is someone in this local workspace; trailing punctuation is not part of a name. */
export function mentionsIn(text: string): Mention[] {
  return [...text.matchAll(/(?<=^|\s)@(\S+)/g)].flatMap((m) => {
    const name = m[1]!.replace(/[.,;:!?)]+$/, '');
    return isValidName(name) ? [{ token: m[0], identity: consolePerson(name) }] : [];
  });
}

/** "[#leaders]" or "[dm @bob]": where a console message went. */
export function labelOf(address: Address): string {
  const ref = address.ref as ConsoleRef;
  return 'channel' in ref ? `#${ref.channel}` : `dm @${ref.name}`;
}
