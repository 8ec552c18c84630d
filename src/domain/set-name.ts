import { SetwiseError } from './errors';
import { LIMITS } from './limits';
import { withoutInvisibles } from './text';

/** A set's name as people will see it: trimmed, single-spaced, printable, nothing invisible, not too long. */
export function parseSetName(raw: string): string {
  const name = withoutInvisibles(raw).trim().replace(/\s+/g, ' ');
  if (name.length === 0) {
    throw new SetwiseError('invalid', 'A set needs a name.', 'Example: set create Northern Lights');
  }
  if ([...name].length > LIMITS.setName) {
    throw new SetwiseError(
      'invalid',
      `A set name can be at most ${LIMITS.setName} characters; that one has ${[...name].length}.`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new SetwiseError('invalid', 'A set name cannot contain control characters.');
  }
  return name;
}
