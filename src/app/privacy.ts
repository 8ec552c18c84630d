import type { CommandOf } from '../commands/grammar';
import { button } from '../messages/interactions/buttons';
import type { Reply } from '../ports/inbound';
import { privateReply, type Deps, type Turn } from './context';
import { replanAll } from './plan';

/** Everything Setwise holds about the person, as a JSON file, to them alone. */
export async function exportMyData(deps: Deps, turn: Turn): Promise<Reply> {
  const data = await deps.store.privacy.export(turn.actor.id);
  const content = `${JSON.stringify({ exportedAt: deps.clock.now().toISOString(), ...data }, null, 2)}\n`;
  return privateReply({
    text: 'Here is everything Setwise holds about you: your profile, sets, challenges, actions, journal, answers and presenting record.',
    files: [{ name: `setwise-${turn.actor.platformUserId.replace(/[^\w-]+/g, '-')}.json`, mediaType: 'application/json', content, personal: true }],
  });
}

/** Erases the person's own content after they confirm; asks first. */
export async function eraseMyData(deps: Deps, turn: Turn, args: CommandOf<'privacy erase'>['args']): Promise<Reply> {
  if (!args.confirmed) {
    return privateReply({
      tone: 'warning',
      text: 'This erases your challenges, journal, actions, absences and answers, takes you out of your sets, and removes your name and settings. Sets keep their history under "former member". It cannot be undone. To go ahead, press Erase my data, or type `privacy erase confirm`.',
      actions: [
        button({ kind: 'privacy.erase', personId: turn.actor.id }, 'Erase my data', 'danger', {
          title: 'Erase your data?',
          text: 'Your challenges, journal, actions and answers go for good. This cannot be undone.',
          yes: 'Erase it',
          no: 'Keep it',
        }),
      ],
    });
  }
  // Their sets no longer plan for them: no nudge reaches an erased person.
  await replanAll(deps, await deps.store.privacy.erase(turn.actor.id, deps.clock.now()));
  deps.log.info({ personId: turn.actor.id }, 'personal data erased');
  // Exports handed over earlier go too, wherever the adapter kept them.
  return { ...privateReply({ tone: 'success', text: 'Done: your personal content is erased, and the exports you were given are deleted. If you use Setwise again you start afresh.' }), erased: true };
}
