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
}

/** The person's DM with the app, for files and answers that have nowhere else to go. */
async function dmChannel(client: WebClient, user: string): Promise<string> {
  const opened = await slackCall(() => client.conversations.open({ users: user }));
  return opened.channel?.id ?? user;
}

export async function deliver(reply: Reply, ctx: ReplyContext): Promise<void> {
  if (reply.duplicate) return;
  const { message } = reply;
  const { client } = ctx;
  if (message.form && ctx.triggerId) {
    const view = renderModal(message.form, { callbackId: message.form.id, privateMetadata: formOrigin(ctx.where), intro: message.text });
    await slackCall(() => client.views.open({ trigger_id: ctx.triggerId!, view }));
    return;
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
  if (reply.visibility === 'public') await slackCall(() => client.chat.postMessage({ channel, ...body }));
  else await slackCall(() => client.chat.postEphemeral({ channel, user: ctx.user, ...body }));
}
