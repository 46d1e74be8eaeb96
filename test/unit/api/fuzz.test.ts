import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dispatch, operationNames } from '../../../src/main/api';
import { confined, expectPrototypeClean, expectTypedError, sameAsSample, StoreWatch } from '../../fixtures/fuzz-target';
import { hostileInput, hostileValue, nonJsonValue } from '../../fixtures/hostile';
import { forkSeeded, sampleInputs, seededCore, type Seeded } from '../../fixtures/seeded';
import { tempDir } from '../../fixtures/temp';

/** Runs per operation; about 90 operations, so the whole file stays within seconds. */
const RUNS = 25;

let template: Seeded;
beforeAll(async () => {
  template = await seededCore();
});
afterAll(() => template.core.close());

describe('every operation called directly with hostile input', () => {
  it.each(operationNames)('%s answers with a typed error (never INTERNAL) and leaves the store as it was', async (name) => {
    const seeded = forkSeeded(template);
    const sandbox = tempDir();
    const watch = new StoreWatch(seeded);
    const sample = sampleInputs(seeded)[name] as Record<string, unknown>;
    try {
      await fc.assert(
        fc.asyncProperty(hostileInput(sample, fc.oneof(hostileValue, nonJsonValue)), async (raw) => {
          const input = confined(name, raw, sandbox);
          if (sameAsSample(name, input, sample)) return;
          const result = await dispatch(seeded.core, name, input);
          expectTypedError(result, name);
          watch.check(result.ok, name);
          expectPrototypeClean(name);
        }),
        { numRuns: RUNS },
      );
    } finally {
      seeded.core.close();
    }
  });

  it('unknown operation names, however odd, are named in a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(100_000))), async (name) => {
        const result = await dispatch(template.core, name, {});
        if (!result.ok) expectTypedError(result, `operation "${name.slice(0, 40)}"`);
        else if (!operationNames.includes(name as never)) throw new Error(`"${name}" ran as an operation`);
      }),
      { numRuns: 200 },
    );
  });
});
