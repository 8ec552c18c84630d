import type { Button, Form } from '../../src/ports/chat';
import type { Core, Identity, Incoming, Where } from '../../src/ports/inbound';
import { CONSOLE_WORKSPACE, channelWhere, consolePerson, dmWhere, isValidName, mentionsIn } from './identity';
import type { ConsolePrinter } from './printer';
import { DEFAULT_STATE, type ConsoleState } from './state';

export const CONSOLE_HELP = [
  'Console commands (this local chat only):',
  '  :as <name>        act as that person, e.g. :as alice',
  '  :in #<channel>    speak in a channel, e.g. :in #leaders',
  '  :in dm            speak in your private chat with Setwise',
  '  :click <label>    press a button on the latest message here or in your DM, e.g. :click Yes',
  '                    (one that cannot be undone asks first: answer yes to go ahead)',
  '  :advance <time>   move the clock on and send the nudges due meanwhile, e.g. :advance 7d',
  '  :advance to <instant>  the same, up to a UTC time, e.g. :advance to 2027-01-05T09:55Z',
  '  :cancel           abandon a form you are filling in',
  '  :help             this list (type help for Setwise itself)',
  '  :quit             leave (end of input does the same)',
  'Anything else is a Setwise command, e.g. set create Northern Lights tz Europe/London',
].join('\n');

/**
 * One person at a keyboard pretending to be many: who is speaking, and where.
 * Every line either changes that (":as", ":in") or goes to the core as a command.
 */
export class ConsoleSession {
  private actor: Identity;
  private where: Where;
  /** A form being filled in, one field a line, as the console's stand-in for a modal. */
  private filling: { form: Form; index: number; values: Record<string, string> } | undefined;
  /** A button that asks "are you sure?" first, waiting for the answer. */
  private confirming: Button | undefined;

  constructor(
    private readonly core: Core,
    private readonly printer: ConsolePrinter,
    start: ConsoleState = DEFAULT_STATE,
    private readonly onChange: (state: ConsoleState) => void = () => {},
    /** Moves the console's clock on by `ms`, sending what falls due; returns a line to show. */
    private readonly advance?: (ms: number) => Promise<string>,
    /** The console's clock, for `:advance to`. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.actor = consolePerson(start.actor);
    this.where = start.where === 'dm' ? dmWhere(this.actor) : channelWhere(start.where.slice(1));
  }

  /** Where a reply only the asker sees is shown: "#leaders, only you", or the DM itself. */
  private get privateLabel(): string {
    return this.where.kind === 'channel' ? `${this.where.label}, only you` : this.where.label;
  }

  /** Buttons shown only to one person are theirs to press: kept apart from everyone else's. */
  private get privateButtons(): string {
    return `${this.where.label}, only @${this.actor.userId}`;
  }

  /** "alice in #leaders": the prompt and the echo of scripted input. */
  get context(): string {
    return `${this.actor.displayName} in ${this.where.label}`;
  }

  /** Handles one line; returns false when the person asked to quit. */
  async line(raw: string): Promise<boolean> {
    const text = raw.trim();
    if (this.confirming) return this.confirm(text);
    if (text.startsWith(':')) return this.meta(text);
    if (this.filling) return this.answer(raw);
    await this.send({ type: 'command', text, mentions: mentionsIn(text) });
    return true;
  }

  private async send(payload: Incoming['payload']): Promise<void> {
    const answer = await this.core.handle({ platform: 'console', workspaceId: CONSOLE_WORKSPACE, actor: this.actor, where: this.where, payload });
    // Refused answers are said, not asked again field by field: the form that comes back with them is for card platforms.
    const reply = answer.fieldErrors ? { ...answer, message: { ...answer.message, form: undefined } } : answer;
    // A private reply in a channel is seen by the asker alone, as Slack's ephemeral messages are.
    const owner = this.actor.userId;
    if (reply.visibility === 'private') this.printer.deliver(this.privateLabel, reply.message, { buttonsFor: this.privateButtons, owner });
    else this.printer.deliver(this.where.label, reply.message, { owner });
    if (reply.erased) {
      this.printer.forget(this.actor.userId);
      this.onChange(DEFAULT_STATE); // the console forgets who it was playing, too
    }
    if (reply.message.form) {
      this.filling = { form: reply.message.form, index: 0, values: {} };
      this.ask();
    }
  }

  private ask(): void {
    const f = this.filling!;
    const field = f.form.fields[f.index]!;
    const rules = [field.required ? 'needed' : 'optional, Enter to skip', field.maxLength ? `up to ${field.maxLength} characters` : ''].filter(Boolean).join(', ');
    const now = field.initial ? ` Now: "${field.initial}" (Enter keeps it, - clears it).` : '';
    this.note(`${f.index + 1}/${f.form.fields.length} ${field.label} (${rules})${field.hint ? `. ${field.hint}` : ''}.${now}`);
  }

  /** One answer to the form being filled in; the last one submits it. */
  private async answer(raw: string): Promise<boolean> {
    const f = this.filling!;
    const field = f.form.fields[f.index]!;
    const typed = raw.trim();
    const value = typed === '' ? (field.initial ?? '') : typed === '-' ? '' : typed;
    if (field.required && value === '') return this.note('This one is needed.');
    if (field.maxLength && [...value].length > field.maxLength) return this.note(`That is ${[...value].length} characters; the most is ${field.maxLength}. Try again.`);
    if (value !== '') f.values[field.id] = value;
    f.index += 1;
    if (f.index < f.form.fields.length) {
      this.ask();
      return true;
    }
    this.filling = undefined;
    await this.send({ type: 'form', formId: f.form.id, values: f.values });
    return true;
  }

  /** The answer to a button's "are you sure?": only a plain yes presses it. */
  private async confirm(text: string): Promise<boolean> {
    const button = this.confirming!;
    this.confirming = undefined;
    if (!/^y(es)?$/i.test(text)) return this.note(`Nothing done: "${button.label}" was not pressed.`);
    await this.send({ type: 'action', actionId: button.id, value: button.value });
    return true;
  }

  private async meta(text: string): Promise<boolean> {
    const [word = '', ...rest] = text.slice(1).split(/\s+/);
    const arg = rest.join(' ');
    switch (word.toLowerCase()) {
      case 'as': {
        const name = arg.replace(/^@/, '');
        if (!isValidName(name)) return this.note('Usage: :as <name>, a name of letters, digits, ".", "_" or "-", e.g. :as alice');
        const wasDm = this.where.kind === 'dm';
        this.actor = consolePerson(name);
        if (wasDm) this.where = dmWhere(this.actor);
        return this.moved();
      }
      case 'in': {
        if (arg.toLowerCase() === 'dm') this.where = dmWhere(this.actor);
        else if (/^#[a-z0-9][\w-]{0,79}$/i.test(arg)) this.where = channelWhere(arg.slice(1));
        else return this.note('Usage: :in #<channel> (e.g. :in #leaders) or :in dm');
        return this.moved();
      }
      case 'click': {
        const button = this.printer.findButton([this.where.label, this.privateButtons, dmWhere(this.actor).label], arg);
        if (!button) return this.note(`There is no button "${arg}" on the latest message here or in your DM.`);
        if (button.confirm) {
          this.confirming = button;
          return this.note(`${button.confirm.title} ${button.confirm.text} Type yes to ${button.confirm.yes.toLowerCase()}, anything else to ${button.confirm.no.toLowerCase()}.`);
        }
        await this.send({ type: 'action', actionId: button.id, value: button.value });
        return true;
      }
      case 'advance': {
        const to = /^to\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z)$/i.exec(arg);
        const m = /^(\d+)(m|h|d|w)$/.exec(arg);
        const ms = to ? Date.parse(to[1]!.toUpperCase()) - this.now().getTime() : m ? Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm'] : NaN;
        if (to && ms <= 0) return this.note(`${to[1]} is not later than the console's clock.`);
        if (!this.advance) return this.note(':advance needs the console clock.');
        if (!Number.isFinite(ms) || ms <= 0 || ms > 400 * 86_400_000) return this.note('Usage: :advance <n>m|h|d|w, up to 400d, e.g. :advance 7d; or :advance to <UTC time>, e.g. :advance to 2027-01-05T09:55Z');
        return this.note(await this.advance(ms));
      }
      case 'cancel':
        if (!this.filling) return this.note('There is no form to cancel.');
        this.filling = undefined;
        return this.note('Form abandoned; nothing was saved.');
      case 'help':
        return this.note(CONSOLE_HELP);
      case 'quit':
      case 'exit':
        return false;
      default:
        return this.note(`There is no console command :${word}. Try :help.`);
    }
  }

  private moved(): true {
    this.onChange({ actor: this.actor.displayName, where: this.where.kind === 'dm' ? 'dm' : this.where.label });
    return this.note(`you are @${this.actor.displayName}, in ${this.where.label}`);
  }

  private note(text: string): true {
    this.printer.print(text.split('\n').map((l) => `· ${l}`).join('\n'));
    return true;
  }
}
