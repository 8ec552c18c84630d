/**
 * A core Reply, delivered the way Teams people expect. Set-wide replies go to the
 * channel (in the thread of the command); private ones to the person's own chat with
 * the bot, with a one-line pointer in the thread, since Teams has no messages only one
 * person in a channel can see. A form's answers replace the form's card (with each
 * problem on its field, or with the result); files come as a consent card in the
 * person's chat.
 */
import type { TurnContext } from 'botbuilder';
import type { Message } from '../../src/ports/chat';
import type { Reply, Where } from '../../src/ports/inbound';
import { personalChat, sendTo, type TeamsLink } from './chat';
import type { FileOffers } from './files';
import { ADAPTIVE_CARD, renderActivity, renderCard, type AdaptiveCardJson } from './render';

/** How the request reached Setwise: a typed message, a card's Action.Execute (an invoke), or its Action.Submit. */
export type Route = 'message' | 'execute' | 'submit';

/** Action.Execute's answer: a card that replaces the one pressed, or a short note Teams shows. */
export type ExecuteAnswer =
  | { readonly statusCode: 200; readonly type: typeof ADAPTIVE_CARD; readonly value: AdaptiveCardJson }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string };

export interface TurnReply {
  readonly context: TurnContext;
  readonly link: TeamsLink;
  readonly offers: FileOffers;
  readonly tenant: string;
  readonly user: string;
  readonly where: Where;
  readonly route: Route;
  /** The command that was typed: a file offer runs it again when the person accepts. */
  readonly command?: string;
  /** What a submitted form held, shown again with its problems. */
  readonly submitted?: Readonly<Record<string, string>>;
  /** Whether the reply answers a form's submission (its card is replaced by the answer). */
  readonly formAnswer?: boolean;
}

export const note = (value: string): ExecuteAnswer => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value });

const ERASED_FILES = ' Files I sent you before are in your OneDrive: delete them there if you want them gone too.';
const SENT_PRIVATELY = 'I have sent you the answer in your chat with Setwise.';

/** Sends `message` to the person's chat with the bot, wherever the request came from. */
async function toPerson(t: TurnReply, message: Message, extra: readonly unknown[] = []): Promise<void> {
  const activity = renderActivity(message);
  if (t.where.kind === 'dm') {
    await t.context.sendActivity({ ...activity, attachments: [...activity.attachments, ...extra] } as never);
    return;
  }
  const chat = await personalChat(t.link, t.tenant, t.user);
  await sendTo(t.link, chat, { ...activity, attachments: [...activity.attachments, ...extra] } as never);
}

/** Delivers `reply`; for Action.Execute, gives back what Teams shows in the card's place. */
export async function deliver(reply: Reply, t: TurnReply): Promise<ExecuteAnswer | undefined> {
  const done = t.route === 'execute' ? note('Done.') : undefined;
  if (reply.duplicate || reply.silent) return done;
  let { message } = reply;
  if (reply.erased) {
    await t.offers.forget(t.tenant, t.user);
    message = { ...message, text: `${message.text}${ERASED_FILES}` };
  }
  const options = reply.fieldErrors ? { fieldErrors: reply.fieldErrors, ...(t.submitted ? { values: t.submitted } : {}) } : {};
  // The answer to a form, or a button's answer meant to take its place: the card pressed becomes the answer.
  if ((reply.fieldErrors || reply.replace || t.formAnswer) && t.route !== 'message') {
    if (t.route === 'execute') return { statusCode: 200, type: ADAPTIVE_CARD, value: renderCard(message, options) };
    const pressed = t.context.activity.replyToId;
    if (pressed) {
      await t.context.updateActivity({ ...renderActivity(message, options), id: pressed });
      return undefined;
    }
  }
  if (message.files?.length) {
    const { files, ...rest } = message;
    const consents = [];
    for (const file of files) consents.push(await t.offers.offer(t.tenant, t.user, t.command ?? '', t.where, file));
    await toPerson(t, rest, consents);
    const names = files.map((f) => f.name).join(' and ');
    if (t.where.kind === 'channel' && t.route === 'message') await t.context.sendActivity(renderActivity({ text: `I have sent ${names} to your chat with Setwise.` }) as never);
    return t.route === 'execute' ? note(`Sent ${names} to your chat with Setwise.`) : undefined;
  }
  // Only a channel or group chat hears a reply meant for the set; everything else is the person's.
  if ((reply.visibility === 'public' && t.where.kind === 'channel') || t.where.kind === 'dm') {
    await t.context.sendActivity(renderActivity(message) as never);
    return done;
  }
  try {
    await toPerson(t, message);
  } catch (error) {
    t.link.log.warn({ err: error }, 'could not answer in the person\'s chat with Setwise');
    await t.context.sendActivity(renderActivity({ tone: 'warning', text: 'I could not open a chat with you to answer privately. Open Setwise from the apps in Teams, say hello, then try again.' }) as never);
    return done;
  }
  if (t.route === 'message') await t.context.sendActivity(renderActivity({ text: SENT_PRIVATELY }) as never);
  return t.route === 'execute' ? note(SENT_PRIVATELY) : undefined;
}
