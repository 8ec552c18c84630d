import type { Message } from '../model';

/** The first word Setwise says where it is installed: what it is for and the one command to begin with. */
export const installedHello = (where: 'channel' | 'dm'): Message =>
  where === 'channel'
    ? {
        text: 'Hello, I am Setwise: I look after action learning sets. A facilitator can make this conversation a set\'s home with `set create <name>`, then add the members with `member add`. Anyone can type `help` to see what I do.',
      }
    : {
        text: 'Hello, I am Setwise. This is where I will send you your own reminders, your set\'s prompts to reflect, and anything private. Type `help` to see what I do.',
      };
