/** The changes screens' writes (src/renderer/api/mutations.ts): the change each answers with is shown at once. */
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Target } from '../../api/invalidation';
import { runWrite } from '../../api/mutations';
import { setOp } from '../../api/queries';

/** What an action came to: the message to show when it was refused. */
export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; message: string; field?: string | undefined };

const LISTS: Target[] = [['listChanges'], ['changeCalendar'], ['whatChanged']];

/** A walk step's answer holds the change as the screen shows it. */
const walked = (id: number) => ({
  apply: (value: { change: OutputOf<'getChange'> }) => setOp('getChange', { id }, value.change),
  gives: [['getChange', { id }]] as Target[],
  refresh: [...LISTS, ['checkChange', { id }]] as Target[],
});

async function outcome<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string; field?: string | undefined } }>): Promise<Outcome<T>> {
  const result = await promise;
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message, field: result.error.field };
}

export const createChange = (input: InputOf<'createChange'>) =>
  outcome(runWrite('createChange', input, { apply: (change) => setOp('getChange', { id: change.id }, change), refresh: LISTS }));
export const walkChange = (id: number, action: InputOf<'walkChange'>['action'], evidence = '') => outcome(runWrite('walkChange', { id, action, evidence }, walked(id)));
export const recordGate = (input: InputOf<'recordGate'> & { id: number }) => outcome(runWrite('recordGate', input, walked(input.id)));
export const overrideChange = (input: InputOf<'overrideChange'> & { id: number }) => outcome(runWrite('overrideChange', input, walked(input.id)));
export const noteOnChange = (id: number, evidence: string) => walkChange(id, 'note', evidence);
export const addWindow = (input: InputOf<'addChangeWindow'>) => outcome(runWrite('addChangeWindow', input, { refresh: [['listChangeWindows'], ...LISTS, ['getChange'], ['checkChange']] }));
export const removeWindow = (id: number) => outcome(runWrite('removeChangeWindow', { id }, { refresh: [['listChangeWindows'], ...LISTS, ['getChange'], ['checkChange']] }));
/** Change events from a JSON Lines file on the machine running Holdfast: every incident's "What changed?" may list them. */
export const importChangeEvents = (path: string) => runWrite('importChangeEvents', { path }, { refresh: [['whatChanged']] });
