/**
 * The SLO writes (src/renderer/api/mutations.ts): each answers with a report,
 * and its echo (slos.changed) refreshes every budget the console shows.
 */
import type { InputOf } from '../../../shared/contract';
import { runWrite } from '../../api/mutations';

export const importSloFiles = (files: InputOf<'importSloText'>['files']) => runWrite('importSloText', { files });

export const importSloData = (input: InputOf<'importSloDataText'>) => runWrite('importSloDataText', input);

export const excludeSloTime = (input: InputOf<'excludeSloTime'>) => runWrite('excludeSloTime', input);

export const removeSloExclusion = (input: InputOf<'removeSloExclusion'>) => runWrite('removeSloExclusion', input);
