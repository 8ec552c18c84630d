/**
 * A core Reply, delivered the way Slack people expect: a form opens as a modal, a
 * file is uploaded to the person privately, a `replace` takes the pressed message's
 * place, set-wide replies go to the channel and the rest only to the person.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply, Where } from '../../src/ports/inbound';
import { target } from './address';
import { slackCall, upload } from './chat';
import { plainFallback, renderBlocks, renderModal } from './render';
import { formOrigin } from './origin';

export interface ReplyContext {
  readonly client: WebClient;
  readonly team: string;
  readonly user: string;
  readonly where: Where;
  /** Slack's response_url for this interaction, when it has one. */
  readonly respond?: RespondFn;
  /** Lets a modal open; valid for three seconds after the interaction. */
  readonly triggerId?: string;
  /** The app's own user in this workspace: whose uploads are Setwise's. */
  readonly botUserId?: string;
  /** The command that produced this reply, so a form without a trigger can be asked for again by a button. */
  readonly command?: string;
}

/** An adapter-only button: runs `value` as the clicker's command again, now with a trigger to open its form. */
export const OPEN_FORM = 'slack.open-form';

/**
 * The files Setwise uploaded to the person (calendars, exports), deleted when they
 * erase their data: Setwise keeps no list of them, Slack's is the record.
 */
async function deleteUploads(client: WebClient, user: string, botUserId: string | undefined): Promise<void> {
  if (!botUserId) return;
  const channel = await dmChannel(client, user);
  for (let page = 1; page <= 50; page++) {
    const listed = await slackCall(() => client.files.list({ channel, user: botUserId, page, count: 100 }));
    for (const file of listed.files ?? []) if (file.id) await slackCall(() => client.files.delete({ file: file.id! }));
    if (page >= (listed.paging?.pages ?? 1)) break;
  }
}

/**
 * Posts where the bot may not be yet: a public channel it was never added to is
 * joined once and the post tried again.
 */
async function inChannel<T>(client: WebClient, channel: string, send: () => Promise<T>): Promise<T> {
  try {
    return await slackCall(send);
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error !== 'not_in_channel') throw error;
    await slackCall(() => client.conversations.join({ channel }));
    return slackCall(send);
  }
}

/** The person's DM with the app, for files and answers that have nowhere else to go. */
async function dmChannel(client: WebClient, user: string): Promise<string> {
  const opened = await slackCall(() => client.conversations.open({ users: user }));
  return opened.channel?.id ?? user;
}

export async function deliver(reply: Reply, ctx: ReplyContext): Promise<void> {
  if (reply.duplicate) return;
  const { client } = ctx;
  // Erased: the files Setwise handed the person go too, before the answer says so.
  if (reply.erased) await deleteUploads(client, ctx.user, ctx.botUserId);
  let { message } = reply;
  if (message.form && ctx.triggerId) {
    const view = renderModal(message.form, { callbackId: message.form.id, privateMetadata: formOrigin(ctx.where), intro: message.text });
    await slackCall(() => client.views.open({ trigger_id: ctx.triggerId!, view }));
    return;
  }
  if (message.form && ctx.command && ctx.command.length <= 2000) {
    // A message typed in the DM brings no trigger: a button click does, and opens the form.
    const { form: _form, ...rest } = message;
    message = { ...rest, actions: [...(rest.actions ?? []), { id: OPEN_FORM, label: 'Open the form', value: ctx.command, style: 'primary' }] };
  }
  if (message.file) {
    // Exports and calendars are the person's own: only their DM with the app gets them.
    await upload(client, await dmChannel(client, ctx.user), message.file, plainFallback(message));
    if (ctx.where.kind === 'channel' && ctx.respond) await ctx.respond({ response_type: 'ephemeral', text: `I have sent ${message.file.name} to your messages with Setwise.` });
    return;
  }
  const body = { text: plainFallback(message), blocks: renderBlocks(message) };
  if (ctx.respond) {
    if (reply.replace) await ctx.respond({ ...body, replace_original: true });
    else await ctx.respond({ ...body, response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral' });
    return;
  }
  // No response_url (a modal's submission, a click in the App Home, a direct message).
  if (ctx.where.kind === 'dm') {
    await slackCall(() => client.chat.postMessage({ channel: ctx.user, ...body }));
    return;
  }
  const { channel } = target(ctx.where.address);
  if (reply.visibility === 'public') await inChannel(client, channel, () => client.chat.postMessage({ channel, ...body }));
  else await inChannel(client, channel, () => client.chat.postEphemeral({ channel, user: ctx.user, ...body }));
}
