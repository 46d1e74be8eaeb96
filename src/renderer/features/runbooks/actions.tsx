import type { Runbook } from '../../../shared/runbooks';
import { navigate } from '../../app/route';
import { ask } from '../../components/confirm';
import { changeRunbook } from './mutations';
import { showLibraryError } from './store';

/** Copies a runbook into a new one and opens the copy. */
export async function duplicateRunbook(runbook: Runbook): Promise<void> {
  const result = await changeRunbook('duplicateRunbook', { id: runbook.id });
  if (!result.ok) return showLibraryError(result.error.message);
  navigate({ screen: 'runbook', id: result.value.id });
}

/** Archives a runbook after saying plainly what that means: hidden, never deleted. */
export async function archiveRunbook(runbook: Runbook): Promise<void> {
  const yes = await ask({
    title: `Archive “${runbook.title}”?`,
    body: (
      <p>
        It leaves the library and search results. It is <strong>never deleted</strong>: turn on “Archived” in the library
        to find it, read it and bring it back.
      </p>
    ),
    confirmLabel: 'Archive',
    cancelLabel: 'Keep it in the library',
    focus: 'cancel',
    danger: true,
  });
  if (!yes) return;
  const result = await changeRunbook('archiveRunbook', { id: runbook.id });
  if (!result.ok) showLibraryError(result.error.message);
}

export async function unarchiveRunbook(runbook: Runbook): Promise<void> {
  const result = await changeRunbook('unarchiveRunbook', { id: runbook.id });
  if (!result.ok) showLibraryError(result.error.message);
}
