import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SetwiseError } from '../../src/domain/errors';
import { rezone } from '../../src/domain/meetings';
import type { Meeting } from '../../src/domain/schedule';
import { cleanLine, cleanName, cleanText, hasUnsafeCharacters } from '../../src/domain/text';
import { resolveWallTime } from '../../src/domain/wall-time';
import { leavesNoFacilitator } from '../../src/domain/permissions';
import { parseSetName } from '../../src/domain/set-name';
import { parseZone } from '../../src/domain/zone';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SetwiseError) return `${error.message}${error.hint ? ` | ${error.hint}` : ''}`;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('time zones', () => {
  it('accepts IANA names, fixing their case but not renaming them', () => {
    expect(parseZone('Europe/London')).toBe('Europe/London');
    expect(parseZone('america/new_york')).toBe('America/New_York');
    expect(parseZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(parseZone('UTC')).toBe('UTC');
    expect(parseZone('Australia/Lord_Howe')).toBe('Australia/Lord_Howe');
  });

  it('refuses fixed offsets and made-up places, suggesting a near name', () => {
    expect(refusal(() => parseZone('Mars/Base'))).toBe('"Mars/Base" is not a time zone I know. | Use an IANA name such as Europe/London or America/New_York.');
    expect(refusal(() => parseZone('Europe/Londn'))).toBe('"Europe/Londn" is not a time zone I know. | Did you mean Europe/London?');
    expect(refusal(() => parseZone('+01:00'))).toMatch(/^"\+01:00" is not a time zone I know/);
    expect(refusal(() => parseZone('GMT+1'))).toMatch(/is not a time zone I know/);
  });
});

describe('set names', () => {
  it('trims and single-spaces, and counts characters not bytes', () => {
    expect(parseSetName('  Northern   Lights ')).toBe('Northern Lights');
    expect(parseSetName('é'.repeat(80))).toBe('é'.repeat(80));
  });

  it('refuses empty, over-long and control-character names', () => {
    expect(refusal(() => parseSetName('   '))).toBe('A set needs a name. | Example: set create Northern Lights');
    expect(refusal(() => parseSetName('x'.repeat(81)))).toBe('A set name can be at most 80 characters; that one has 81.');
    expect(refusal(() => parseSetName('bell\u0007'))).toBe('A set name cannot contain control characters.');
  });
});

describe('keeping a facilitator', () => {
  const person = (id: number) => ({ id, workspaceId: 1, platformUserId: `${id}`, displayName: `${id}`, timeZone: null, quietHours: null, dm: null });
  const roles = fc.array(fc.constantFrom('facilitator' as const, 'member' as const), { minLength: 1, maxLength: 8 });

  it('refuses exactly the changes that leave no facilitator', () => {
    fc.assert(
      fc.property(roles, fc.nat(), fc.constantFrom('facilitator' as const, 'member' as const, 'gone' as const), (rs, pick, change) => {
        const members = rs.map((role, i) => ({ role, person: person(i + 1) }));
        const target = members[pick % members.length]!;
        const after = members
          .map((m) => (m.person.id === target.person.id ? (change === 'gone' ? undefined : { ...m, role: change }) : m))
          .filter((m) => m !== undefined);
        const hadOne = members.some((m) => m.role === 'facilitator');
        const hasOne = after.some((m) => m.role === 'facilitator');
        expect(leavesNoFacilitator(members, target.person.id, change)).toBe(hadOne && !hasOne);
      }),
    );
  });
});

describe('a set changing zone', () => {
  const meeting = (id: number, localDate: string, localTime: string, zone: string, hours: number): Meeting => {
    const startsAt = resolveWallTime(localDate, localTime, zone).instant;
    return { id, setId: 1, ruleId: null, localDate, localTime, zone, startsAt, endsAt: new Date(startsAt.getTime() + hours * 3_600_000), status: 'scheduled', origin: 'added', requestedLocalTime: null, movedFromDate: null, sequence: 0, updatedAt: startsAt };
  };

  it('keeps every upcoming meeting at its local date and time in the new zone', () => {
    const plan = rezone([meeting(1, '2027-01-05', '10:00', 'Europe/London', 3), meeting(2, '2027-04-06', '10:00', 'Europe/London', 3)], 'Europe/Paris', new Date('2026-12-01T00:00:00Z'));
    expect(plan.ok && plan.update.map((u) => [u.id, u.occurrence.localTime, u.occurrence.instant.toISOString()])).toEqual([
      [1, '10:00', '2027-01-05T09:00:00.000Z'],
      [2, '10:00', '2027-04-06T08:00:00.000Z'],
    ]);
  });

  it('refuses when a meeting moved across the date line would overlap one still running', () => {
    // Pago Pago (UTC-11) to Kiritimati (UTC+14): 25 hours earlier. A 12-hour meeting is running
    // (21:00 UTC on 1 Dec to 09:00 on the 2nd); Wednesday's 22:30 meeting would start at 08:30 UTC on the 2nd.
    const running = meeting(1, '2026-12-01', '10:00', 'Pacific/Pago_Pago', 12);
    const next = meeting(2, '2026-12-02', '22:30', 'Pacific/Pago_Pago', 12);
    const plan = rezone([running, next], 'Pacific/Kiritimati', new Date('2026-12-01T22:00:00Z'));
    expect(plan).toMatchObject({ ok: false, reason: 'overlap', meeting: { id: 1 }, other: { id: 2 } });
    // Wednesday's 10:00 would be at 20:00 UTC on 1 Dec: already past.
    expect(rezone([running, meeting(3, '2026-12-02', '10:00', 'Pacific/Pago_Pago', 3)], 'Pacific/Kiritimati', new Date('2026-12-01T22:00:00Z'))).toMatchObject({ ok: false, reason: 'too-soon', meeting: { id: 3 } });
  });
});

describe('text from outside', () => {
  it('keeps line breaks and tabs in free text, and drops controls and bidi overrides', () => {
    expect(cleanText('bell\u0007 and \u001b[31mred\u001b[0m\r\nnext\tline \u202eevil\u202c \u2066iso\u2069 \u0085\u0000')).toBe('bell and [31mred[0m\nnext\tline evil iso ');
    expect(cleanLine('one\ntwo\tthree')).toBe('one two three');
    expect(cleanName('  b\u202eo\u200bb\ufeff  \u0007 ')).toBe('bob');
    expect(cleanText('שלום עולם, مرحبا')).toBe('שלום עולם, مرحبا'); // right-to-left scripts need no controls
    expect(hasUnsafeCharacters('fine\nand\tfine')).toBe(false);
    expect(hasUnsafeCharacters('x\u001b')).toBe(true);
    expect(hasUnsafeCharacters('x\u202e')).toBe(true);
  });
});
