import { describe, expect, it } from 'vitest';
import { isBuilt } from '../../src/app/dispatch';
import { commandNames, grammar } from '../../src/commands/grammar';

describe('help and the use cases agree', () => {
  it.each(commandNames)('%s is marked built exactly when a use case handles it', (name) => {
    expect(grammar[name].built).toBe(isBuilt(name));
  });
});
