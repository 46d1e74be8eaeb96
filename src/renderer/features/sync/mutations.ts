/** Team sync's writes (src/renderer/api/mutations.ts): their echo (sync.changed, and what a sync took in) refreshes the screens. */
import type { ResolveChoice } from '../../../shared/sync';
import { runWrite } from '../../api/mutations';

export const syncNow = () => runWrite('sync', {});

export const resolveConflict = (path: string, choice: ResolveChoice) => runWrite('syncResolve', { path, choice });
