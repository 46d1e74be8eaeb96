/** The runbooks' writes (src/renderer/api/mutations.ts): the runbook each answers with is shown at once. */
import type { InputOf } from '../../../shared/contract';
import type { Runbook } from '../../../shared/runbooks';
import type { Target } from '../../api/invalidation';
import { runWrite } from '../../api/mutations';
import { setOp } from '../../api/queries';

/** Caches a runbook the core answered with: its reader opens on it without asking again. */
const showRunbook = (runbook: Runbook) => setOp('getRunbook', { id: runbook.id }, runbook);

/** What a write of one runbook answers with: that runbook (the echo refreshes the lists and searches it appears in). */
const gives = (id: number): Target[] => [['getRunbook', { id }]];

type OneRunbookWrite = 'duplicateRunbook' | 'archiveRunbook' | 'unarchiveRunbook' | 'restoreRunbookRevision';

export const changeRunbook = <N extends OneRunbookWrite>(name: N, input: InputOf<N> & { id: number }) =>
  runWrite(name, input, { apply: (runbook) => showRunbook(runbook as Runbook), ...(name === 'duplicateRunbook' ? {} : { gives: gives(input.id) }) });

export const saveRunbook = (input: InputOf<'saveRunbook'>) =>
  runWrite('saveRunbook', input, { apply: showRunbook, ...(typeof input.id === 'number' ? { gives: gives(input.id) } : {}) });

export const importRunbooks = (input: InputOf<'importRunbooks'>) => runWrite('importRunbooks', input);
