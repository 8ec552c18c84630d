import { IANAZone } from 'luxon';
import { SetwiseError } from './errors';
import { closest } from './similar';

// Area/Location names only: fixed offsets such as "+01:00" are wrong half the year.
const IANA_SHAPE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

let knownZones: string[] | undefined;
const allZones = (): string[] => (knownZones ??= Intl.supportedValuesOf('timeZone'));

/** The canonical spelling of an IANA zone, or a refusal that suggests a near name. */
export function parseZone(raw: string): string {
  const text = raw.trim();
  if (IANA_SHAPE.test(text) && IANAZone.isValidZone(text)) {
    // Fix the case from the known list ("europe/london" -> "Europe/London"), but keep the
    // name as typed otherwise: Intl would turn Asia/Kolkata back into Asia/Calcutta.
    return allZones().find((z) => z === text) ?? allZones().find((z) => z.toLowerCase() === text.toLowerCase()) ?? text;
  }
  const near = closest(text, allZones(), 1)[0];
  throw new SetwiseError(
    'invalid',
    `"${text}" is not a time zone I know.`,
    near ? `Did you mean ${near}?` : 'Use an IANA name such as Europe/London or America/New_York.',
  );
}
