/**
 * Built-in questions used until a set's prompt library is in place; each is chosen
 * by turn so a set does not see the same one twice running.
 */
export const CHECKIN_QUESTIONS = [
  'What is taking most of your attention at work this week, and how are you feeling about it?',
  'What has changed for you since we last met?',
  'What would make today a good use of your time?',
  'Where did you notice yourself leading differently since the last meeting?',
];

export const REFLECTION_PROMPTS = [
  'Which question from today is still with you, and why?',
  'What did you learn today about yourself as a leader, rather than about the problem?',
  'When did you feel the urge to give advice instead of asking? What was going on for you?',
  'What will you do differently before the next meeting, and how will you know it worked?',
];

export const PROGRAMME_END_QUESTIONS = [
  'How has the challenge you brought changed since the start of the programme?',
  'What have you learned about how you learn?',
  'Which habit from the set do you want to keep?',
];

export const byTurn = (list: readonly string[], turn: number): string => list[((turn % list.length) + list.length) % list.length]!;
