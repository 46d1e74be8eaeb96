/** The roster's writes: the echo (rosters.changed) refreshes every on-call read shown. */
import type { InputOf } from '../../../shared/contract';
import { runWrite } from '../../api/mutations';

export const createOverride = (input: InputOf<'createOverride'>) => runWrite('createOverride', input);

export const deleteOverride = (id: number) => runWrite('deleteOverride', { id });

export const importRoster = (input: InputOf<'importRoster'>) => runWrite('importRoster', input);

export const importPeopleCsv = (path: string) => runWrite('importPeopleCsv', { path });
