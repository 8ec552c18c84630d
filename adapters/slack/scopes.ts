/**
 * The bot scopes Setwise asks for, each with what it is for. The OAuth install asks
 * for exactly these, and test/adapters/slack/manifest.test.ts checks that
 * manifest.yaml names the same and that every Web API method the code calls is
 * covered by one.
 */
export const BOT_SCOPES = {
  commands: 'the /setwise slash command',
  'chat:write': 'post nudges and replies in set channels and in direct messages',
  'channels:join': 'join a public set channel, so later edits and replies work there',
  'im:write': 'open a direct message with a member, for private nudges and files',
  'im:history': 'read commands people type in their direct messages with Setwise',
  'users:read': "read members' display names and profile time zones",
  'files:write': 'upload calendars and privacy exports to the person who asked, and delete them when they erase their data',
  'files:read': 'find the files Setwise uploaded to a person, to delete them when they erase their data',
} as const;

export type BotScope = keyof typeof BOT_SCOPES;

/** The events Setwise subscribes to. */
export const BOT_EVENTS = ['app_home_opened', 'message.im', 'app_uninstalled', 'tokens_revoked'] as const;
