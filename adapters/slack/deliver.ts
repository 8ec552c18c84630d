/**
 * A core Reply, delivered the way Slack people expect: a form opens as a modal, a
 * file is uploaded to the person privately, a `replace` takes the pressed message's
 * place, set-wide replies go to the channel and the rest only to the person.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply, Where } from '../../src/ports/inbound';
import type { Logger } from '../../src/ports/logger';
import { RateLimited, type Message } from '../../src/ports/chat';
import { target } from './address';
import { inChannel, slackCall, upload } from './chat';
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
  readonly log: Logger;
}

/** An adapter-only button: runs `value` as the clicker's command again, now with a trigger to open its form. */
export const OPEN_FORM = 'slack.open-form';

/**
 * The files Setwise uploaded to the person (calendars, exports), deleted when they
 * erase their data: Setwise keeps no list of them, Slack's is the record. Every id is
 * listed before any is deleted, so deleting does not shift the pages being read, and
 * a "slow down" is waited out. True when every one is gone.
 */
async function deleteUploads(client: WebClient, user: string, botUserId: string | undefined, log: Logger): Promise<boolean> {
  if (!botUserId) return false;
  try {
    const channel = await dmChannel(client, user);
    const ids: string[] = [];
    for (let page = 1; page <= 100; page++) {
      const listed = await patiently(() => client.files.list({ channel, user: botUserId, page, count: 100 }));
      ids.push(...(listed.files ?? []).flatMap((f) => (f.id ? [f.id] : [])));
      if (page >= (listed.paging?.pages ?? 1)) break;
    }
    for (const file of ids) await patiently(() => client.files.delete({ file }));
    return true;
  } catch (error) {
    log.warn({ err: error }, 'could not delete every file Setwise uploaded to a person who erased their data');
    return false;
  }
}

/** A call retried after each "slow down", up to five times: for work that must finish now, not in the outbox. */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await slackCall(call);
    } catch (error) {
      if (!(error instanceof RateLimited) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterSeconds, 30) * 1000));
    }
  }
}

/** The person's DM with the app, for files and answers that have nowhere else to go. */
async function dmChannel(client: WebClient, user: string): Promise<string> {
  const opened = await slackCall(() => client.conversations.open({ users: user }));
  return opened.channel?.id ?? user;
}

/** What views.open says when the interaction's trigger can no longer open anything. */
const TRIGGER_GONE = new Set(['expired_trigger_id', 'exchanged_trigger_id']);

/** A form as a button that opens it: for when no trigger can open the modal now. */
function withOpenButton(message: Message, command: string): Message {
  const { form: _form, ...rest } = message;
  return { ...rest, actions: [...(rest.actions ?? []), { id: OPEN_FORM, label: 'Open the form', value: command, style: 'primary' }] };
}

export async function deliver(reply: Reply, ctx: ReplyContext): Promise<void> {
  if (reply.duplicate) return;
  const { client } = ctx;
  let { message } = reply;
  // Erased: the files Setwise handed the person go too, before the answer says so.
  if (reply.erased && !(await deleteUploads(client, ctx.user, ctx.botUserId, ctx.log))) {
    message = { ...message, text: `${message.text} I could not delete every file I sent you in Slack: please delete them in your messages with Setwise.` };
  }
  const reopen = ctx.command !== undefined && ctx.command.length <= 2000 ? ctx.command : undefined;
  if (message.form && ctx.triggerId) {
    const view = renderModal(message.form, { callbackId: message.form.id, privateMetadata: formOrigin(ctx.where), intro: message.text });
    try {
      await slackCall(() => client.views.open({ trigger_id: ctx.triggerId!, view }));
      return;
    } catch (error) {
      // A trigger lasts three seconds: when it has run out, offer the form by button instead.
      if (!TRIGGER_GONE.has((error as { data?: { error?: string } }).data?.error ?? '')) throw error;
      ctx.log.warn({ err: error }, 'a form\'s trigger had run out');
      message = reopen ? withOpenButton(message, reopen) : { ...message, form: undefined, text: `${message.text} The form did not open in time: press the button again.` };
    }
  } else if (message.form && reopen) {
    // A message typed in the DM brings no trigger: a button click does, and opens the form.
    message = withOpenButton(message, reopen);
  }
  // (Not `message.files.…`: the manifest test reads `files.<method>` as a Web API call.)
  const attached = message.files ?? [];
  if (attached.length > 0) {
    // Exports, calendars and reports are the person's own: only their DM with the app gets them.
    const dm = await dmChannel(client, ctx.user);
    for (const [i, file] of attached.entries()) await upload(client, dm, file, i === 0 ? plainFallback(message) : undefined);
    const names = attached.map((f) => f.name).join(' and ');
    if (ctx.where.kind === 'channel' && ctx.respond) await ctx.respond({ response_type: 'ephemeral', replace_original: false, text: `I have sent ${names} to your messages with Setwise.` });
    return;
  }
  const body = { text: plainFallback(message), blocks: renderBlocks(message) };
  // Only a channel hears a reply meant for the set: a direct or group message may include people outside it.
  const toAll = reply.visibility === 'public' && ctx.where.kind === 'channel';
  if (ctx.respond) {
    if (reply.replace) await ctx.respond({ ...body, replace_original: true });
    else await ctx.respond({ ...body, replace_original: false, response_type: toAll ? 'in_channel' : 'ephemeral' });
    return;
  }
  // No response_url (a modal's submission, a click in the App Home, a direct message).
  const toPerson = () => slackCall(() => client.chat.postMessage({ channel: ctx.user, ...body }));
  if (ctx.where.kind === 'dm') {
    await toPerson();
    return;
  }
  const { channel } = target(ctx.where.address);
  try {
    if (toAll) await inChannel(client, channel, () => client.chat.postMessage({ channel, ...body }));
    else await inChannel(client, channel, () => client.chat.postEphemeral({ channel, user: ctx.user, ...body }));
  } catch (error) {
    // A private channel Setwise was never invited to: the person still hears back, privately.
    ctx.log.warn({ err: error }, 'could not answer in the channel; answering by DM');
    await toPerson();
  }
}
