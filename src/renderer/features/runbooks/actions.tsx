import type { Runbook } from '../../../shared/runbooks';
import { api } from '../../api/client';
import { navigate } from '../../app/route';
import { ask } from '../../components/confirm';
import { useRunbooks } from './store';

/** Copies a runbook into a new one and opens the copy. */
export async function duplicateRunbook(runbook: Runbook): Promise<void> {
  const result = await api.duplicateRunbook({ id: runbook.id });
  if (!result.ok) return useRunbooks.getState().showError(result.error.message);
  useRunbooks.getState().showRunbook(result.value);
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
  const result = await api.archiveRunbook({ id: runbook.id });
  if (!result.ok) return useRunbooks.getState().showError(result.error.message);
  useRunbooks.getState().showRunbook(result.value);
  void useRunbooks.getState().loadList();
}

export async function unarchiveRunbook(runbook: Runbook): Promise<void> {
  const result = await api.unarchiveRunbook({ id: runbook.id });
  if (!result.ok) return useRunbooks.getState().showError(result.error.message);
  useRunbooks.getState().showRunbook(result.value);
  void useRunbooks.getState().loadList();
}
