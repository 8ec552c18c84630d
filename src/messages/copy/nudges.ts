import type { Meeting } from '../../domain/schedule';
import type { LearningSet, Person } from '../../domain/model';
import type { SlotReason } from '../../domain/rotation/types';
import type { Action } from '../../domain/records';
import { listOf, plural, who } from '../format';
import { button } from '../interactions/buttons';
import type { Button, Message } from '../model';
import { dayLabel, meetingTime } from '../when';
import { reasonLabel } from './rotation';

export const rsvpButtons = (meetingId: number): Button[] => [
  button({ kind: 'rsvp', meetingId, answer: 'yes' }, 'Yes', 'primary'),
  button({ kind: 'rsvp', meetingId, answer: 'no' }, 'No'),
  button({ kind: 'rsvp', meetingId, answer: 'maybe' }, 'Maybe'),
];

export const presenterNotice = (set: LearningSet, m: Meeting, reason: SlotReason, zone: string): Message => ({
  text: `You are presenting at ${set.name} on ${meetingTime(m, zone)}. (From the rotation: ${reasonLabel(reason)}.) Bring a live leadership challenge: something that matters to you, involves other people, and is still unresolved. You can write it up beforehand so the set can think about it, or just bring it.`,
  actions: [
    button({ kind: 'challenge.open', meetingId: m.id }, 'Write my challenge', 'primary'),
    button({ kind: 'rotation.withdraw', meetingId: m.id }, 'I cannot present'),
  ],
});

export const challengeReminder = (set: LearningSet, m: Meeting, zone: string): Message => ({
  text: `A reminder: you present at ${set.name} on ${meetingTime(m, zone)}, and the set has asked for challenges in advance. A few lines are enough: what the challenge is, why it matters to you, and what you want from the set.`,
  actions: [button({ kind: 'challenge.open', meetingId: m.id }, 'Write my challenge', 'primary')],
});

export function meetingReminder(set: LearningSet, m: Meeting, presenters: readonly Pick<Person, 'platformUserId' | 'displayName'>[], answers: { yes: number; no: number; maybe: number }): Message {
  const presenting = presenters.length ? `Presenting: ${listOf(presenters.map(who))}.` : 'Nobody is planned to present yet: a bid is welcome (`bid`).';
  const so = answers.yes + answers.no + answers.maybe > 0 ? ` So far: ${answers.yes} yes, ${answers.no} no, ${answers.maybe} maybe.` : '';
  return {
    text: `${set.name} meets on ${meetingTime(m, m.zone)}. ${presenting} Will you be there?${so}`,
    actions: rsvpButtons(m.id),
  };
}

export const rsvpReminder = (set: LearningSet, m: Meeting, zone: string): Message => ({
  text: `Will you be at ${set.name} on ${meetingTime(m, zone)}? Letting the set know helps it plan the time.`,
  actions: rsvpButtons(m.id),
});

export const lowAttendance = (set: LearningSet, m: Meeting, coming: number, noes: number, minimum: number, zone: string): Message => ({
  tone: 'warning',
  text: `Only ${plural(coming, 'person', 'people')} may come to ${set.name} on ${meetingTime(m, zone)} (${noes} said no); the set's minimum is ${minimum}. You may want to move it: \`meeting move ${m.localDate} to <date>\`.`,
});

export const checkin = (set: LearningSet, question: string): Message => ({
  text: `Check-in for today's meeting of ${set.name}: ${question} Say too how the actions you committed to last time have gone.`,
});

export const checkinActions = (set: LearningSet, open: readonly Action[]): Message => ({
  text: `For today's check-in at ${set.name}, the actions you committed to:\n${open.map((a) => `${a.number}. ${a.text}${a.due ? ` (by ${dayLabel(a.due)})` : ''}`).join('\n')}\nHow have they gone? Close them with \`action done <n>\` or \`action drop <n>\`.`,
});

export const reflection = (set: LearningSet, m: Meeting, prompt: string): Message => ({
  text: `Thank you for ${set.name} on ${dayLabel(m.localDate)}. Something to reflect on: ${prompt} Write privately with \`reflect <your thoughts>\`: it stays yours unless you choose to share it.`,
  actions: [button({ kind: 'reflection.open', setId: set.id }, 'Write a reflection', 'primary')],
});

export const actionFollowUp = (set: LearningSet, next: Meeting, open: readonly Action[], zone: string): Message => ({
  text: `Halfway to the next meeting of ${set.name} (${meetingTime(next, zone)}). Your open actions:\n${open.map((a) => `${a.number}. ${a.text}${a.due ? ` (by ${dayLabel(a.due)})` : ''}`).join('\n')}\nMark one with \`action done <n>\` or \`action drop <n>\`.`,
  blocks: [
    { type: 'paragraph', text: `Halfway to the next meeting of ${set.name} (${meetingTime(next, zone)}). Your open actions:` },
    { type: 'list', items: open.map((a) => `${a.number}. ${a.text}${a.due ? ` (by ${dayLabel(a.due)})` : ''}`) },
    { type: 'context', text: 'Mark one with `action done <n>` or `action drop <n>`.' },
  ],
});

export const programmeEnd = (set: LearningSet, questions: readonly string[]): Message => ({
  text: `The programme of ${set.name} has come to its end. Thank you for the challenges you brought and the questions you asked. To look back on it:\n${questions.map((q) => `- ${q}`).join('\n')}\nMany sets carry on meeting on their own: talk to your facilitator if yours would like to.`,
});

/** `tries`: how many times it was tried; once means the platform refused it for good. */
export const deadLetter = (set: LearningSet, kind: string, error: string, tries = 1): Message => ({
  tone: 'warning',
  text: `I could not deliver a ${kind.replace(/-/g, ' ')} for ${set.name}${tries > 1 ? ` after ${tries} tries` : ''} (${error}). Nothing else is affected; you may want to pass the message on yourself.`,
});
