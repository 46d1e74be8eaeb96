import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { contract, operationNames } from '../../../src/shared/contract';
import { handlers } from '../../../src/main/api';
import { memoryCore } from '../../fixtures/core';

describe('the API table', () => {
  it('has exactly one handler for every operation in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    expect(operationNames.length).toBeGreaterThan(0);
  });

  it('answers an unknown operation with a clear error naming it', async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'dropAllTables', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION', message: expect.stringContaining('Unknown operation "dropAllTables"') as string },
    });
  });

  it('validates input with the operation schema and names the field', async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'searchRunbooks', { query: 'disk', limit: 'ten' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.field).toBe('limit');
    expect(result.error.message).toMatch(/^`limit` must be a number/);
  });

  it('refuses input fields the operation does not know', async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'getRunbook', { id: 1, sql: 'DROP TABLE runbooks' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/sql/);
  });

  it('returns NOT_FOUND for a runbook that does not exist', async () => {
    const { core } = memoryCore();
    expect(await dispatch(core, 'getRunbook', { id: 404 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No runbook with id 404.', field: 'id' },
    });
  });

  it('applies schema defaults and returns the value', async () => {
    const { core } = memoryCore();
    const result = await dispatch(core, 'searchRunbooks', { query: 'anything' });
    expect(result).toEqual({ ok: true, value: [] });
  });
});
