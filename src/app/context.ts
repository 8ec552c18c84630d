import type { LearningSet, Membership, Person, Workspace } from '../domain/model';
import type { ChatPort } from '../ports/chat';
import type { Clock } from '../ports/clock';
import type { Identity, Reply, Where } from '../ports/inbound';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';
import type { Form, Message } from '../messages/model';
import type { PromptLibrary } from '../prompt-library';
import type { FloodGuard } from './flood';

/** What every use case may use: the ports, nothing platform-specific. */
export interface Deps {
  readonly store: Store;
  readonly chat: ChatPort;
  readonly clock: Clock;
  readonly log: Logger;
  /** The prompt library loaded from prompts/ at start-up. */
  readonly prompts: PromptLibrary;
  /** How fast one person may send requests (see flood.ts); none: no limit (tests, the demo). */
  readonly flood?: FloodGuard;
}

/** One request in progress: who asked, where, and the people they named. */
export interface Turn {
  readonly workspace: Workspace;
  readonly actor: Person;
  readonly where: Where;
  readonly mentions: ReadonlyMap<string, Identity>;
}

/** A set as seen by someone in it. */
export interface SetView {
  readonly set: LearningSet;
  readonly me: Membership;
}

export const publicReply = (message: Message): Reply => ({ visibility: 'public', message });
export const privateReply = (message: Message): Reply => ({ visibility: 'private', message });

/**
 * A form's answers refused field by field: nothing saved, each message shown on its
 * field. The form comes back filled with what was typed, for a platform that shows it
 * again as a new card rather than keeping a modal open (Teams).
 */
export const fieldErrorsReply = (errors: Readonly<Record<string, string>>, form: Form): Reply => ({
  ...privateReply({ tone: 'error', text: `Nothing was saved: ${Object.values(errors).join('; ')}.`, form }),
  fieldErrors: errors,
});

/** The zone a person reads times in: their own choice, else the set's. */
export const viewerZone = (turn: Turn, setZone: string): string => turn.actor.timeZone ?? setZone;
