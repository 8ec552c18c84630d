import type { Harness } from './harness';
import { channel, person } from './harness';

/** A member whose every kind of personal content is stored: what erase must remove. */
export const NAME = 'zebediah';
/** Words only they wrote, to search for after the erase. */
export const SECRETS = [NAME, 'merge the two district teams', 'I am afraid of the finance director', 'ring the union rep on Friday'];

export async function seedPersonalContent(h: Harness): Promise<void> {
  await h.say('alice', '#leaders', 'set create Northern Lights tz Europe/London');
  await h.say('alice', '#leaders', `member add @${NAME} @bob @carol @dave`);
  await h.say('alice', '#leaders', 'schedule every 4 weeks on tuesday at 10:00 for 3h from 2027-01-05 for 3 meetings');
  await h.say(NAME, 'dm', 'me tz Europe/Paris');
  await h.say(NAME, 'dm', 'me quiet 21:00-07:00');
  const form = (await h.say(NAME, '#leaders', 'challenge')).message.form!;
  await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: person(NAME), where: channel('leaders'), payload: { type: 'form', formId: form.id, values: { challenge: 'How can I merge the two district teams?' } } });
  await h.say(NAME, '#leaders', 'reflect I am afraid of the finance director');
  await h.say(NAME, '#leaders', 'action add ring the union rep on Friday');
  await h.say(NAME, '#leaders', 'rsvp maybe');
  await h.say(NAME, '#leaders', 'away from 2027-03-01 until 2027-03-03');
  await h.say('alice', '#leaders', `swap @${NAME} @dave`);
  // Platforms refresh names on every visit: by the time they erase, they go by another.
  await h.core.handle({ platform: 'console', workspaceId: 'W1', actor: { ...person(NAME), displayName: 'Zebediah Q' }, where: channel('leaders'), payload: { type: 'command', text: 'rotation', mentions: [] } });
}
