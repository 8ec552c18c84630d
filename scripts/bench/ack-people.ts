/**
 * Who is in B1's set `k` and where it meets, on each platform: shared by the seeding
 * and the requests, so every request comes from a member of the set in its channel.
 */
import type { Person } from '../../test/support/teams/activities';

export const SLACK_TEAM = 'T1';
export const ZONE = 'Europe/London';

/** No name is the start of another, so each `@Name` in a message is one mention. */
const FIRST = ['Ada', 'Bea', 'Cal', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal'] as const;

/** People in each set. */
export const MEMBERS = FIRST.length;

const pad = (k: number) => String(k).padStart(5, '0');

/** Set k's people in Slack (the first is its facilitator), all in channel C0000k. */
export const slackPeople = (k: number) => FIRST.map((first, i) => ({ id: `U${pad(k)}${i}`, name: `${first} ${k}`, channel: `C${pad(k)}` }));

/** Set k's people in Teams (the first is its facilitator). */
export const teamsPeople = (k: number): Person[] => FIRST.map((first) => ({ id: `29:set${k}-${first.toLowerCase()}`, name: `${first} S${k}` }));

export const teamsChannel = (k: number) => `19:set-${k}@thread.tacv2`;
