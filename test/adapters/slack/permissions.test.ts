/**
 * The permission matrix (test/support/permission-matrix.ts) in Slack, through real
 * Bolt over HTTP: every command by the facilitator, a member, the sponsor, a person of
 * another set and a stranger, as signed slash commands; every call the app makes to
 * Slack (messages, ephemerals, edits, modals, App Homes, response_url posts, file
 * uploads) is searched for each set's planted words.
 */
import { afterAll, describe, it } from 'vitest';
import { START, runPermissionMatrix } from '../../support/permission-matrix';
import { slackPermissionDriver, type SlackMatrix } from '../../support/slack/permission-driver';

let slack: SlackMatrix | undefined;
afterAll(() => slack?.close());

describe('the permission matrix, in Slack', () => {
  it('refuses every command to whoever may not use it, changing nothing, and keeps each set\'s content within it', async () => {
    slack = await slackPermissionDriver(START);
    const result = await runPermissionMatrix(slack.driver);
    console.info(`slack: ${result.cells} cells, ${result.scanned} outbound calls searched (${result.carried} carried a set's content to its own people)`);
  });
});
