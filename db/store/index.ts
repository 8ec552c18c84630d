import type { Store } from '../../src/ports/store';
import { LogTruncation, type Db } from '../client';
import { actionRepo } from './actions';
import { challengeRepo } from './challenges';
import { checkinRepo } from './checkins';
import { eventRepo } from './events';
import { installationRepo } from './installations';
import { jobRepo } from './jobs';
import { meetingRepo } from './meetings';
import { membershipRepo } from './memberships';
import { personRepo } from './people';
import { planRepo } from './plans';
import { privacyRepo } from './privacy';
import { promptRepo } from './prompts';
import { reflectionRepo } from './reflections';
import { rotationRepo } from './rotation';
import { reportRepo } from './reports';
import { rsvpRepo } from './rsvps';
import { runRepo } from './runs';
import { setRepo } from './sets';
import { sponsorRepo } from './sponsors';
import { workspaceRepo } from './workspaces';

/** The Store port on better-sqlite3. Each method is one synchronous transaction: none spans an await. */
export function createSqliteStore(db: Db): Store {
  // An erase empties the write-ahead log; if a reader stops it, the scheduler's next ticks finish the job.
  const truncation = new LogTruncation(db.$client);
  return {
    workspaces: workspaceRepo(db),
    people: personRepo(db),
    sets: setRepo(db),
    memberships: membershipRepo(db),
    meetings: meetingRepo(db),
    plans: planRepo(db),
    rotation: rotationRepo(db),
    jobs: jobRepo(db, truncation),
    rsvps: rsvpRepo(db),
    actions: actionRepo(db),
    challenges: challengeRepo(db),
    prompts: promptRepo(db),
    checkins: checkinRepo(db),
    reflections: reflectionRepo(db),
    privacy: privacyRepo(db, truncation),
    events: eventRepo(db),
    installations: installationRepo(db),
    runs: runRepo(db),
    sponsors: sponsorRepo(db),
    reports: reportRepo(db),
  };
}
