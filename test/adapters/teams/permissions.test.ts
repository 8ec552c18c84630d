/**
 * The permission matrix (test/support/permission-matrix.ts) in Teams, through the real
 * botbuilder CloudAdapter over HTTP: every command by the facilitator, a member, the
 * sponsor, a person of another set and a stranger, as channel and personal-chat
 * messages; everything the bot sends the connector (messages, edits, opened chats, the
 * files a person accepts) is searched for each set's planted words.
 */
import { afterAll, describe, it } from 'vitest';
import { START, runPermissionMatrix } from '../../support/permission-matrix';
import { teamsPermissionDriver, type TeamsMatrix } from '../../support/teams/permission-driver';

let teams: TeamsMatrix | undefined;
afterAll(() => teams?.close());

describe('the permission matrix, in Teams', () => {
  it('refuses every command to whoever may not use it, changing nothing, and keeps each set\'s content within it', async () => {
    teams = await teamsPermissionDriver(START);
    const result = await runPermissionMatrix(teams.driver);
    console.info(`teams: ${result.cells} cells, ${result.scanned} outbound calls searched (${result.carried} carried a set's content to its own people)`);
  });
});
