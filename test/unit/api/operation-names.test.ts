import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationNamed } from '../../../src/main/api';
import { operations } from '../../../src/main/op-table';
import { OPERATION_NAMES, OPERATION_SETS } from '../../../src/shared/operation-names';
import { OPERATION_NAMES_FILE, operationNamesModule } from '../../../scripts/operation-names';

describe('the operation names the preload and the shell use', () => {
  it('are generated from the declared operations and current (npm run build writes them)', () => {
    expect(fs.readFileSync(OPERATION_NAMES_FILE, 'utf8')).toBe(operationNamesModule());
    expect([...OPERATION_NAMES]).toEqual(Object.keys(operations));
  });

  it('lead the dispatcher to the very operation each set declares, loading only that set', async () => {
    for (const name of OPERATION_NAMES) expect(await operationNamed(name), `${name} (set ${OPERATION_SETS[name]})`).toBe(operations[name]);
  });
});
