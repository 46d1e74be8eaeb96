import type { InputOf } from '../../../shared/contract';
import { runWrite } from '../../api/mutations';
import { setOp } from '../../api/queries';
import type { Saved } from './SaveStatus';

/** Saves part of the incident settings, puts the answer in the cache, and says how it went. */
export async function saveIncidentSettings(patch: InputOf<'updateIncidentSettings'>, done: string): Promise<NonNullable<Saved>> {
  const result = await runWrite('updateIncidentSettings', patch, {
    apply: (settings) => setOp('getIncidentSettings', {}, settings),
    gives: [['getIncidentSettings']],
  });
  if (!result.ok) return { ok: false, message: result.error.message };
  return { ok: true, message: done };
}
