/**
 * People talk to a bot before they learn its commands: "hello", "what can you do?",
 * "when is the next meeting?". Such lines are answered as what they are, pointing
 * to `help` and, where a word makes it plain, to the command they were after.
 */

const GREETINGS = /^(hello|hi|hiya|hey|howdy|good (morning|afternoon|evening))\b/i;
const THANKS = /^(thanks|thank you|cheers|ta)\b/i;
const QUESTION_WORDS = new Set(['what', 'whats', "what's", 'how', 'who', 'whos', "who's", 'when', 'where', 'why', 'which', 'can', 'could', 'would', 'will', 'is', 'are', 'do', 'does', 'should', 'please', 'i', "i'm", 'im', 'my', 'tell', 'show', 'list', 'give', 'let']);

/** Words that point to a command, checked in order, with the sentence that says so. */
const POINTERS: readonly [RegExp, string][] = [
  // The specific before the general: "when can I change the time zone?" is about zones.
  [/\b(zone|timezone)\b/i, "For your own time zone, try `me tz <zone>`; for the set's, `set tz <zone>`."],
  [/\b(schedule|monthly|weekly)\b/i, 'For this, try `schedule show`.'],
  [/\b(challenge|issue)\b/i, 'For this, try `challenge`.'],
  [/\b(action|actions|commit)\b/i, 'For this, try `actions`.'],
  [/\b(reflect|reflection|journal)\b/i, 'For this, try `journal`.'],
  [/\b(present|presenting|presenter|rotation|turn)\b/i, 'For this, try `rotation`.'],
  [/\b(member|members|people|add|join)\b/i, 'For this, try `help member`.'],
  [/\b(meeting|meetings|meet|next|when)\b/i, 'For this, try `meetings`.'],
];

export interface ConversationReply {
  readonly message: string;
  readonly hint: string;
}

/**
 * A reply for a greeting, question or sentence; undefined when the line looks like a
 * mistyped command. A long line counts as a sentence only when no command is near it.
 */
export function conversational(source: string, nearCommand: boolean): ConversationReply | undefined {
  const words = source.trim().split(/\s+/);
  const first = (words[0] ?? '').toLowerCase().replace(/[^\p{L}']/gu, '');
  const pointer = POINTERS.find(([re]) => re.test(source))?.[1];
  const next = pointer ? ` ${pointer}` : '';
  if (THANKS.test(source.trim())) return { message: "You're welcome.", hint: 'Type `help` whenever you need a command.' };
  if (GREETINGS.test(source.trim())) {
    return { message: 'Hello! I work from short commands rather than conversation.', hint: `Type \`help\` to see them all.${next}` };
  }
  const question = source.trim().endsWith('?') || QUESTION_WORDS.has(first) || (words.length >= 4 && !nearCommand);
  if (!question) return undefined;
  return { message: 'I read commands, not questions or sentences.', hint: `Type \`help\` to see what I can do.${next}` };
}
