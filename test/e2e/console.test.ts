import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/process';

const dir = mkdtempSync(join(tmpdir(), 'setwise-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the console adapter through npm start', () => {
  const db = join(dir, 'setwise.db');

  it('creates a set that survives a restart', async () => {
    const first = await start(':as alice\n:in #leaders\nset create Northern Lights tz Europe/London\nmember add @bob @carol\nset info\n', { SETWISE_DB: db });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('[#leaders] Setwise: Created the action learning set Northern Lights in #leaders.');
    expect(first.stdout).toContain('[dm @bob] Setwise: @alice added you to the action learning set Northern Lights (#leaders).');
    expect(first.stdout).toContain('[#leaders, only you] Setwise: Northern Lights\n  Channel: #leaders\n  Time zone: Europe/London\n  Facilitators: @alice\n  Members: @bob, @carol\n');

    // The console remembers who was speaking and where, so `set info` alone works again.
    const second = await start('set info\n', { SETWISE_DB: db });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('alice in #leaders> set info\n[#leaders, only you] Setwise: Northern Lights\n');
    expect(second.stdout).toContain('  Members: @bob, @carol\n');
  });

  it('refuses the wrong people in one line each and keeps running', async () => {
    const run = await start(':as bob\n:in #leaders\nmember remove @carol\n:as dave\nset info\nset info\n', { SETWISE_DB: db });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'bob in #leaders> member remove @carol\n[#leaders, only you] Setwise: ! Only a facilitator of Northern Lights can remove members. You can leave yourself with `member remove @bob`.\n',
    );
    const refusal = "[#leaders, only you] Setwise: ! You're not a member of the set in #leaders, so I can't show you anything of it. A facilitator of the set can add you.\n";
    expect(run.stdout.split(refusal)).toHaveLength(3);
    expect(run.stdout).not.toMatch(/Members: /);
  });

  it('answers bad input specifically and keeps running to the end of input', async () => {
    const long = 'N'.repeat(81);
    const run = await start(`:in #fresh\nfrobnicate\nset create X tz Mars/Base\nset create ${long}\n\n:nonsense\nset create Fine\n`, { SETWISE_DB: join(dir, 'bad.db') });
    expect(run.code).toBe(0);
    const replies = run.stdout.split('\n').filter((l) => l.startsWith('[') || l.startsWith('·'));
    expect(replies).toEqual([
      '· you are @you, in #fresh',
      "[#fresh, only you] Setwise: ! I don't know the command `frobnicate`. Type `help` to see every command.",
      '[#fresh, only you] Setwise: ! "Mars/Base" is not a time zone I know. Use an IANA name such as Europe/London or America/New_York.',
      '[#fresh, only you] Setwise: ! A set name can be at most 80 characters; that one has 81. Example: `set create Northern Lights tz Europe/London`',
      '[#fresh, only you] Setwise: ! That was an empty command. Try `help`, or `set info`.',
      '· There is no console command :nonsense. Try :help.',
      expect.stringMatching(/^\[#fresh\] Setwise: Created the action learning set Fine in #fresh\. Time zone: UTC/),
    ]);
  });

  it('stops at once, with one line, on a bad environment', async () => {
    const badDb = await start('', { SETWISE_DB: '/nonexistent/dir/x.db' });
    expect(badDb).toMatchObject({ code: 1, stdout: '' });
    expect(badDb.stderr).toBe('setwise: SETWISE_DB: the directory /nonexistent/dir does not exist (got "/nonexistent/dir/x.db")\n');
    const badPort = await start('', { PORT: 'abc' });
    expect(badPort).toMatchObject({ code: 1, stdout: '' });
    expect(badPort.stderr).toBe('setwise: PORT: must be a whole number from 1 to 65535 (got "abc")\n');
    const badTick = await start('', { SETWISE_TICK: '61 * * * *', SETWISE_DB: ':memory:' });
    expect(badTick.stderr).toBe('setwise: SETWISE_TICK: not a valid cron expression (got "61 * * * *")\n');
  });

  it('writes the calendar to a private folder of the database\'s own and prints its path', async () => {
    // The console runs on the real clock: plan next year's programme so this stays true.
    const year = new Date().getUTCFullYear() + 1;
    const run = await start(
      `:as alice\n:in #leaders\nschedule every 4 weeks on tuesday at 10:00 for 3h from ${year}-01-01 until ${year}-06-30 tz Europe/London\ncalendar\n`,
      { SETWISE_DB: db },
    );
    expect(run.code).toBe(0);
    const planned = /Northern Lights meets every 4 weeks on Tuesday at 10:00 Europe\/London, 3h: (\d+) meetings planned\./.exec(run.stdout);
    expect(Number(planned?.[1])).toBeGreaterThanOrEqual(6);
    const path = /File: (\S+)/.exec(run.stdout)?.[1];
    expect(path).toBe(join(dir, 'setwise.db.files', 'northern-lights.ics'));
    expect(existsSync(path!)).toBe(true);
    expect(statSync(path!).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'setwise.db.files')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path!, 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(Number(planned?.[1]));
  });

  it('rotates six members two at a time, and sends someone away', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const script = [
      ':as alice',
      ':in #six',
      'set create Six tz Europe/London',
      'member add @bob @carol @dave @erin @frank @gina',
      `schedule every 4 weeks on tuesday at 10:00 from ${year}-01-05 for 6 meetings`,
      'rotation',
    ];
    const first = await start(`${script.join('\n')}\n`, { SETWISE_DB: join(dir, 'six.db') });
    const names = (text: string) => [...text.matchAll(/^ {4}\d\. @(\w+): (.+)$/gm)].map((m) => [m[1], m[2]]);
    const before = names(first.stdout.split('alice in #six> rotation')[1]!);
    expect(before).toHaveLength(4);
    expect(new Set(before.map(([n]) => n)).size).toBe(4);
    expect(before.every(([, why]) => why === 'not presented yet')).toBe(true);
    const [firstMeeting] = /Tue \d+ Jan \d{4}/.exec(first.stdout.split('alice in #six> rotation')[1]!)!;
    const day = new Date(`${firstMeeting} UTC`).toISOString().slice(0, 10);

    const second = await start(`away @${before[1]![0]} from ${day} until ${day}\nrotation\n`, { SETWISE_DB: join(dir, 'six.db') });
    const after = names(second.stdout.split('alice in #six> rotation')[1]!);
    expect(after.slice(0, 2).map(([n]) => n)).not.toContain(before[1]![0]);
    expect(after[2]).toEqual([before[1]![0], expect.stringMatching(/^missed their turn on .* \(away\)$/)]);
  });

  it('plays nudges forward with :advance and answers a button with :click', async () => {
    // A meeting a little over a day away: `:advance 2h` reaches the day-before reminders.
    const soon = new Date(Date.now() + 26 * 3_600_000);
    const day = soon.toISOString().slice(0, 10);
    const time = soon.toISOString().slice(11, 16);
    const script = [':as alice', ':in #quick', 'set create Quick tz UTC', 'member add @bob', `meeting add ${day} at ${time}`, ':advance 3h', ':as bob', ':in dm', ':click No', ':advance 1m'];
    const run = await start(`${script.join('\n')}\n`, { SETWISE_DB: join(dir, 'quick.db') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[#quick\] Setwise: Quick meets on .*Will you be there\?\n {2}Buttons: \[Yes\] \[No\] \[Maybe\]/);
    expect(run.stdout).toMatch(/\[dm @bob\] Setwise: Will you be at Quick on .*\n {2}Buttons: \[Yes\] \[No\] \[Maybe\]/);
    expect(run.stdout).toMatch(/· it is now .* UTC; \d+ nudges sent/);
    expect(run.stdout).toContain('[dm @bob] Setwise: Noted: you cannot come to Quick on');
  });

  it('fills in a challenge field by field; the set reads it, another set never sees it', async () => {
    const secret = 'How can I get two teams to share one budget?';
    const script = [
      ':as zoe', ':in #other', 'set create Other', 'member add @dave',
      ':as alice', ':in #leaders', 'set create Leaders', 'member add @bob',
      'challenge', secret, 'It decides whether my service survives', '', '', '-', 'Questions I have not asked myself',
      ':as bob', 'challenge show @alice',
      ':as dave', 'challenge show @alice', ':in #other', 'challenge show @alice', ':in dm', 'challenge show @alice',
    ];
    const run = await start(`${script.join('\n')}\n`, { SETWISE_DB: join(dir, 'challenge.db') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('· 1/6 Your challenge in a sentence (needed, up to 200 characters). Try starting with "How can I...".');
    expect(run.stdout).toContain('[#leaders, only you] Setwise: Saved version 1 of your challenge.');
    expect(run.stdout).toContain(`bob in #leaders> challenge show @alice\n[#leaders, only you] Setwise: @alice's challenge (version 1)\n  Your challenge in a sentence: ${secret}`);
    // Nothing dave was shown, wherever he asked, carries the challenge.
    const daves = run.stdout.split('\n').filter((_l, i, all) => all.slice(0, i).reverse().find((x) => /^\w+ in /.test(x))?.startsWith('dave '));
    expect(daves.length).toBeGreaterThan(2);
    expect(daves.join('\n')).not.toContain('two teams');
    expect(run.stdout.split('\n').filter((l) => l.startsWith('[dm @dave]')).join('\n')).not.toContain('two teams');
  });

  it('sends the week-ahead presenter notice at 10:00 London across the spring clock change (the reported reproduction)', async () => {
    // The reported case, on the real clock the console runs on: the Tuesday after London's
    // next spring change (30 Mar in 2027); its notice a week before falls in winter time.
    const now = DateTime.utc();
    const afterSpringChange = (year: number) => {
      const endOfMarch = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: 'Europe/London' });
      return endOfMarch.minus({ days: endOfMarch.weekday % 7 }).plus({ days: 2 }); // the last Sunday, then Tuesday
    };
    const tuesday = [now.year, now.year + 1].map(afterSpringChange).find((t) => t.minus({ days: 9 }) > now)!;
    const noticeDay = tuesday.minus({ days: 7 }).toISODate()!;
    const days = Math.floor(DateTime.fromISO(`${noticeDay}T00:00:00Z`).diff(now, 'days').days) - 1;
    const script = [':as alice', ':in #leaders', 'set create X tz Europe/London', 'member add @bob @carol', `schedule every 4 weeks on tuesday at 10:00 from ${tuesday.toISODate()} for 1 meetings`, `:advance ${days}d`];
    const run = await start(`${[...script, ...Array.from({ length: 72 }, () => ':advance 1h')].join('\n')}\n`, { SETWISE_DB: join(dir, 'dst.db') });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const notice = lines.findIndex((l) => l.startsWith('[dm @bob] Setwise: You are presenting at X on Tue '));
    expect(notice, run.stdout.slice(-2000)).toBeGreaterThan(0);
    // Sent during the hour that ends at the next clock line; the line before is the hour it began.
    const clockLine = (from: number, step: 1 | -1) => {
      for (let i = from; i >= 0 && i < lines.length; i += step) {
        const m = /^· it is now (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC/.exec(lines[i]!);
        if (m) return m[1]!;
      }
      return '';
    };
    // The notice day is in winter time: 10:00 London is 10:00 UTC, inside (began, ended].
    const began = clockLine(notice, -1);
    const ended = clockLine(notice, 1);
    expect(began < `${noticeDay} 10:00` && ended >= `${noticeDay} 10:00`, `sent between ${began} and ${ended} UTC`).toBe(true);
  });

  it('shows private replies as private: only the asker sees them in the channel', async () => {
    const year = new Date().getUTCFullYear() + 1; // the console runs on the real clock
    const script = [':as alice', ':in #leaders', 'set create Quiet Ones tz Europe/London', 'member add @bob', `schedule every 4 weeks on tuesday at 10:00 from ${year}-01-05 for 2 meetings`, ':as bob', 'me tz America/New_York', 'me quiet 21:00-07:00', 'rsvp yes', ':in dm', 'me tz Europe/London', ':in #leaders', 'privacy erase', ':as alice', ':click Erase my data', ':as bob', ':click Erase my data', 'no', 'me quiet 22:00-07:00', ':click Erase my data', 'yes'];
    const run = await start(`${script.join('\n')}\n`, { SETWISE_DB: join(dir, 'private.db') });
    expect(run.code).toBe(0);
    const after = (command: string) => run.stdout.split(`> ${command}\n`)[1]!.split('\n')[0]!;
    // Changes the set should see stay public...
    expect(after('member add @bob')).toMatch(/^\[dm @bob\] Setwise: @alice added you/);
    expect(after(`schedule every 4 weeks on tuesday at 10:00 from ${year}-01-05 for 2 meetings`)).toMatch(/^\[#leaders\] Setwise: Quiet Ones meets every 4 weeks/);
    // ...a person's own settings and answers are theirs alone.
    expect(after('me tz America/New_York')).toMatch(/^\[#leaders, only you\] Setwise: Got it: I'll show you times in America\/New_York/);
    expect(after('me quiet 21:00-07:00')).toMatch(/^\[#leaders, only you\] Setwise: Quiet hours set/);
    expect(after('rsvp yes')).toMatch(/^\[#leaders, only you\] Setwise: /);
    // In a private chat, private is simply the chat.
    expect(after('me tz Europe/London')).toMatch(/^\[dm @bob\] Setwise: Got it/);
    // A button only bob was shown is not alice's to press.
    expect(after('privacy erase')).toMatch(/^\[#leaders, only you\] Setwise: ! This erases your challenges/);
    expect(after(':click Erase my data')).toBe('· There is no button "Erase my data" on the latest message here or in your DM.');
    // Bob's own button asks first; only a plain yes presses it.
    const bobs = run.stdout.split('> :as bob\n').at(-1)!;
    expect(bobs).toMatch(/> :click Erase my data\n· Erase your data\? .* Type yes to erase it, anything else to keep it\.\n.*> no\n· Nothing done: "Erase my data" was not pressed\./);
    expect(bobs).toMatch(/> yes\n\[#leaders, only you\] Setwise: Done: your personal content is erased/);
  });

  it('keeps an export private to its owner and deletes it when they erase their data', async () => {
    const file = join(dir, 'export.db');
    const run = await start(':as alice\n:in #leaders\nset create Exports\nmember add @bob\n:as bob\nreflect a private thought\nprivacy export\n', { SETWISE_DB: file });
    expect(run.code).toBe(0);
    const path = /File: (\S+)/.exec(run.stdout)?.[1];
    expect(path).toBe(join(`${file}.files`, 'personal', 'bob', 'setwise-bob.json'));
    expect(readFileSync(path!, 'utf8')).toContain('a private thought');
    expect(statSync(path!).mode & 0o777).toBe(0o600);
    for (const folder of [`${file}.files`, join(`${file}.files`, 'personal'), join(`${file}.files`, 'personal', 'bob')]) expect(statSync(folder).mode & 0o777, folder).toBe(0o700);

    const erase = await start(':as bob\n:in dm\nprivacy erase confirm\n', { SETWISE_DB: file });
    expect(erase.stdout).toContain('the exports you were given are deleted');
    expect(existsSync(path!)).toBe(false);
    expect(existsSync(join(`${file}.files`, 'personal', 'bob'))).toBe(false);

    // With no database file, files go to a private folder that is gone when the console is.
    const memory = await start(':as carol\nprivacy export\n', { SETWISE_DB: ':memory:' });
    const memoryPath = /File: (\S+)/.exec(memory.stdout)?.[1];
    expect(memoryPath).toMatch(new RegExp(`^${tmpdir()}/setwise-\\w+/personal/carol/setwise-carol\\.json$`));
    expect(existsSync(memoryPath!)).toBe(false);
    expect(existsSync(join(tmpdir(), 'setwise-files'))).toBe(false);
  });

  it('refuses to start, in one line, on a broken prompt file', async () => {
    const prompts = join(dir, 'bad-prompts');
    mkdirSync(prompts, { recursive: true });
    writeFileSync(join(prompts, 'checkin.yaml'), 'kind: checkin\nprompts:\n  - id: ok-one\n    text: short\n');
    const run = await start('', { SETWISE_DB: ':memory:', SETWISE_PROMPTS: prompts });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`setwise: ${join(prompts, 'checkin.yaml')}: prompt 1 (ok-one) text: is too short to be a prompt\n`);
  });

  it('prints the console help and exits cleanly on :quit', async () => {
    const run = await start(':help\n:quit\nset info\n', { SETWISE_DB: ':memory:' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('·   :as <name>        act as that person, e.g. :as alice');
    expect(run.stdout).not.toContain('set info\n[');
  });
});
