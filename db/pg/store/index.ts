import type { Store } from '../../../src/ports/store';
import type { PgDb } from '../client';
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
import { reportingUnavailable } from './unavailable';
import { workspaceRepo } from './workspaces';

/**
 * The Store port on PostgreSQL: the SQLite store's repositories, asynchronous, each
 * atomic method one serializable transaction (see ./tx.ts). Several instances may
 * share the database; the outbox is claimed with SKIP LOCKED (see ./jobs.ts).
 */
export function createPostgresStore(db: PgDb): Store {
  return reportingUnavailable({
    workspaces: workspaceRepo(db),
    people: personRepo(db),
    sets: setRepo(db),
    memberships: membershipRepo(db),
    meetings: meetingRepo(db),
    plans: planRepo(db),
    rotation: rotationRepo(db),
    jobs: jobRepo(db),
    rsvps: rsvpRepo(db),
    actions: actionRepo(db),
    challenges: challengeRepo(db),
    prompts: promptRepo(db),
    checkins: checkinRepo(db),
    reflections: reflectionRepo(db),
    privacy: privacyRepo(db),
    events: eventRepo(db),
    installations: installationRepo(db),
    runs: runRepo(db),
    sponsors: sponsorRepo(db),
    reports: reportRepo(db),
  });
}
