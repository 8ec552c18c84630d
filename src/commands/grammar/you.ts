/** A person's own settings and data. */
import { check } from '../args';
import { spec, none } from '../spec';
import { quietRange, zone } from '../values';

export const youCommands = {
  'me tz': spec({ usage: 'me tz <zone>', summary: "the time zone Setwise shows you times in (a set's own zone is `set tz`)", example: 'me tz America/New_York', area: 'You', who: 'anyone', built: true, parse: (a) => { const z = check(zone, a.word('a time zone, e.g. Europe/London')); a.end(); return { zone: z }; } }),
  'me quiet': spec({
    usage: 'me quiet <HH:MM>-<HH:MM>',
    summary: 'hours when private nudges wait (your time), or "off"',
    example: 'me quiet 20:00-08:00',
    area: 'You',
    who: 'anyone',
    built: true,
    parse: (a) => {
      const raw = a.word('a range such as 20:00-08:00, or "off"');
      a.end();
      return { hours: raw.toLowerCase() === 'off' ? null : check(quietRange, raw) };
    },
  }),
  'privacy export': spec({ usage: 'privacy export', summary: 'everything Setwise holds about you, as a file', example: 'privacy export', area: 'You', who: 'anyone', built: true, parse: none }),
  'privacy erase': spec({
    usage: 'privacy erase [confirm]',
    summary: 'erase your personal content (asks you to confirm)',
    example: 'privacy erase',
    area: 'You',
    who: 'anyone',
    built: true,
    parse: (a) => {
      const confirmed = a.keyword('confirm') !== undefined;
      a.end();
      return { confirmed };
    },
  }),
} as const;
