import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SetwiseError } from '../../src/domain/errors';
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
