/** The post-mortem's writes (src/renderer/api/mutations.ts): the draft each answers with is shown at once. */
import type { InputOf } from '../../../shared/contract';
import type { Postmortem } from '../../../shared/postmortems';
import type { Target } from '../../api/invalidation';
import { runWrite } from '../../api/mutations';
import { setOp } from '../../api/queries';

/** What an action on the screen came to: the message to show when it failed. */
export type Outcome = { ok: true } | { ok: false; message: string; field?: string | undefined };

const draftWrite = (incidentId: number) => ({
  apply: (postmortem: Postmortem) => setOp('getPostmortem', { incidentId }, postmortem),
  gives: [['getPostmortem', { incidentId }]] as Target[],
  // The exported document follows the draft.
  refresh: [['exportPostmortem', { incidentId }]] as Target[],
});

/** Saves some sections, the review status or the authors. */
export async function savePostmortem(
  incidentId: number,
  change: { sections?: Record<string, string>; reviewStatus?: Postmortem['reviewStatus']; authors?: string[] },
): Promise<Outcome> {
  const result = await runWrite('savePostmortem', { incidentId, ...change }, draftWrite(incidentId));
  return result.ok ? { ok: true } : { ok: false, message: result.error.message, field: result.error.field };
}

/** Refreshes the sections drawn from the record that nobody edited; resolves to the new draft. */
export async function regeneratePostmortem(incidentId: number): Promise<{ ok: true; postmortem: Postmortem } | { ok: false; message: string }> {
  const result = await runWrite('regeneratePostmortem', { incidentId }, draftWrite(incidentId));
  return result.ok ? { ok: true, postmortem: result.value } : { ok: false, message: result.error.message };
}

/** Adds or changes an action item: every list of action items (and the count in the metrics) is read again. */
export const saveActionItem = (input: InputOf<'saveActionItem'>) => runWrite('saveActionItem', input, { refresh: [['listActionItems'], ['incidentMetrics']] });
