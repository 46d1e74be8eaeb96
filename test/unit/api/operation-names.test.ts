import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationNames } from '../../../src/main/api';
import { OPERATION_NAMES } from '../../../src/shared/operation-names';
import { OPERATION_NAMES_FILE, operationNamesModule } from '../../../scripts/operation-names';

describe('the operation names the preload and the shell use', () => {
  it('are generated from the declared operations and current (npm run build writes them)', () => {
    expect(fs.readFileSync(OPERATION_NAMES_FILE, 'utf8')).toBe(operationNamesModule());
    expect([...OPERATION_NAMES]).toEqual(operationNames);
  });
});
