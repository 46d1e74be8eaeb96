import { useEffect } from 'react';
import type { Runbook } from '../../../../shared/runbooks';
import { navigate, routeHref } from '../../../app/route';
import { useSaveShortcut } from '../../../app/shortcuts';
import { ask, askToDiscard } from '../../../components/confirm';
import { LocalTime } from '../../../components/LocalTime';
import { useRunbook } from '../queries';
import { draftKey, errorAt, formValues, isDirty, type DraftFields } from './draft';
import { formSummary, liveErrors } from '../../../components/form-errors';
import { EditorPreview } from './EditorPreview';
import { EditorToolbar } from './EditorToolbar';
import { MetadataForm } from './MetadataForm';
import { SourceEditor } from './SourceEditor';
import { useEditor } from './store';

/**
 * `#/runbooks/new` and `#/runbooks/:id/edit`: finds what is edited, then shows the editor.
 * Mounted with `key={id}`, so each runbook starts from its own loading state.
 */
export function EditorScreen({ id }: { id: number | null }) {
  const query = useRunbook(id);
  if (id !== null && query.error) {
    return (
      <div className="not-found">
        <h1>Cannot edit this runbook</h1>
        <p>{query.error.message}</p>
        <a href={routeHref({ screen: 'library' })}>Go to the runbook library</a>
      </div>
    );
  }
  const runbook = id === null ? null : query.data;
  if (runbook === undefined) return null;
  return <Editor runbook={runbook} />;
}

function Editor({ runbook }: { runbook: Runbook | null }) {
  const key = draftKey(runbook);
  const draft = useEditor((state) => state.drafts[key]);
  const restored = useEditor((state) => state.restored[key] === true);
  const reported = useEditor((state) => state.errors);
  const conflict = useEditor((state) => state.conflict);
  const saving = useEditor((state) => state.saving);
  const update = (patch: Partial<DraftFields>) => useEditor.getState().update(key, patch);

  // The draft of this runbook opens once, from the runbook as it was found (a newer revision saved meanwhile shows as one).
  useEffect(() => {
    useEditor.getState().begin(runbook);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per runbook edited, not per refetch of it
  }, [key]);

  const save = async (overNewer = false) => {
    const saved = await useEditor.getState().save(key, { overNewer });
    if (!saved) {
      // Take the keyboard to the first field that needs fixing, once it shows its error.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.editor [aria-invalid="true"]')?.focus());
      return;
    }
    navigate({ screen: 'runbook', id: saved.id });
  };
  useSaveShortcut(() => void save());

  if (!draft) return null;
  const dirty = isDirty(draft);
  const shown = liveErrors(reported, formValues(draft.fields));
  const errors = shown.fields;
  const summary = formSummary(shown);
  const problem = conflict ?? (summary === null ? null : { message: summary, conflict: false });

  const cancel = async () => {
    if (dirty) {
      const yes = await askToDiscard('Discard your changes?', <p>Everything you changed since the last save of this runbook will be lost.</p>);
      if (!yes) return;
    }
    useEditor.getState().discard(key);
    navigate(runbook ? { screen: 'runbook', id: runbook.id } : { screen: 'library' });
  };

  const startOver = async () => {
    const yes = await ask({
      title: 'Start over from the saved runbook?',
      body: <p>The unsaved changes kept from before will be discarded.</p>,
      confirmLabel: 'Discard them',
      cancelLabel: 'Keep them',
      focus: 'cancel',
      danger: true,
    });
    if (yes) useEditor.getState().reset(runbook);
  };

  const behind = runbook !== null && draft.baseRevision !== null && draft.baseRevision < runbook.revision;
  return (
    <div className="editor">
      <EditorToolbar
        heading={runbook ? `Edit: ${runbook.title}` : 'New runbook'}
        dirty={dirty}
        saving={saving}
        message={draft.fields.message}
        errors={errors}
        problem={problem}
        historyHref={runbook ? routeHref({ screen: 'history', id: runbook.id }) : null}
        onMessage={(message) => update({ message })}
        onSave={() => void save()}
        onSaveOverNewer={() => void save(true)}
        onCancel={() => void cancel()}
      />
      {restored && (
        <div className="notice" role="status">
          <span>
            These are your unsaved changes from <LocalTime iso={new Date(draft.changedAt).toISOString()} />
            {behind && ` (made on revision ${draft.baseRevision}; the runbook is now at revision ${runbook.revision})`}.
          </span>
          <button type="button" onClick={() => void startOver()}>
            Discard them and start over
          </button>
        </div>
      )}
      <MetadataForm fields={draft.fields} errors={errors} onChange={update} focusTitle={runbook === null} />
      <div className="editor-panes">
        <SourceEditor
          value={draft.fields.body}
          error={errorAt(errors, 'body')}
          onChange={(body) => update({ body })}
          autoFocus={runbook !== null}
        />
        <EditorPreview body={draft.fields.body} title={draft.fields.title} runbookId={runbook?.id ?? null} />
      </div>
    </div>
  );
}
