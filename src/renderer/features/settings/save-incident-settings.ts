import type { InputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { useIncidents } from '../incidents/store';
import type { Saved } from './SaveStatus';

/** Saves part of the incident settings, puts the answer in the incidents store, and says how it went. */
export async function saveIncidentSettings(patch: InputOf<'updateIncidentSettings'>, done: string): Promise<NonNullable<Saved>> {
  const result = await api.updateIncidentSettings(patch);
  if (!result.ok) return { ok: false, message: result.error.message };
  useIncidents.setState({ settings: result.value });
  return { ok: true, message: done };
}
