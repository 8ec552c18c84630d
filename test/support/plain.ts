import { withPlainNames } from '../../src/ports/chat';

/** `value` with every person token in its strings drawn as "@name": what the console shows, and what tests read. */
export function plain<T>(value: T): T {
  if (typeof value === 'string') return withPlainNames(value) as T;
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)])) as T;
  }
  return value;
}
