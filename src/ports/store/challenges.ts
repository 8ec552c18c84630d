/** A presenter's leadership challenge, kept as versions. */
import type { ChallengeVersion } from '../../domain/records';

export interface ChallengeRepo {
  /** Whether the person has a current (not withdrawn) challenge in the set. */
  hasCurrent(setId: number, personId: number): Promise<boolean>;
  current(setId: number, personId: number): Promise<ChallengeVersion | undefined>;
  /** Atomic: saves a new version; the one before is kept, superseded. */
  submit(setId: number, personId: number, fields: Readonly<Record<string, string>>, now: Date): Promise<ChallengeVersion>;
  withdraw(setId: number, personId: number, now: Date): Promise<boolean>;
}
