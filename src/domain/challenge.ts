import { z } from 'zod';
import { cleanLine } from './text';

/** The parts of a leadership challenge, from the practice notes: what a presenter can say. */
export const CHALLENGE_FIELDS = [
  { id: 'challenge', label: 'Your challenge in a sentence', required: true, maxLength: 200, long: false, hint: 'Try starting with "How can I..."' },
  { id: 'why', label: 'Why it matters to you', required: false, maxLength: 1000, long: true, hint: 'To you, not only to the organisation' },
  { id: 'who', label: 'Who is involved', required: false, maxLength: 1000, long: true, hint: 'Who has a stake, and who has not been asked' },
  { id: 'tried', label: 'What you have tried', required: false, maxLength: 1000, long: true, hint: 'And what each attempt taught you' },
  { id: 'progress', label: 'What progress would look like', required: false, maxLength: 1000, long: true, hint: 'What you would see or hear that is different' },
  { id: 'ask', label: 'What you want from the set today', required: false, maxLength: 500, long: true, hint: 'New questions, another angle, courage...' },
] as const;

/** Checks a submitted challenge form: the sentence is required, every part has a limit. */
export const challengeSchema = z.object(
  Object.fromEntries(
    CHALLENGE_FIELDS.map((f) => {
      // A one-line part stays one line; the long ones keep their line breaks.
      const text = z.string().trim().max(f.maxLength, { message: `"${f.label}" can be at most ${f.maxLength} characters` });
      const checked = f.required ? text.min(1, { message: `"${f.label}" is needed` }) : text;
      const part = z.string({ message: `"${f.label}" is needed` }).transform((v) => (f.long ? v : cleanLine(v))).pipe(checked);
      return [f.id, f.required ? part : part.optional()];
    }),
  ),
);
