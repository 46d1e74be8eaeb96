import { useDeferredValue, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { PostmortemSection } from '../../../shared/postmortems';
import { useSaveShortcut } from '../../app/shortcuts';
import { askToDiscard } from '../../components/confirm';
import { useFormErrors } from '../../components/form-errors';
import { Markdown } from '../../components/Markdown';
import { Field } from '../../components/Field';
import { LocalTime } from '../../components/LocalTime';
import { useSectionDrafts } from './drafts';
import { FiveWhys } from './FiveWhys';
import { savePostmortem } from './mutations';

export const sectionAnchor = (sectionId: string): string => `pm-section-${sectionId}`;

/**
 * One section of the post-mortem: rendered, or edited as Markdown beside a live
 * preview. What is typed is kept in this tab's sessionStorage until it is saved
 * or discarded, so leaving the screen or reloading loses nothing.
 */
export function SectionCard(props: { incidentId: number; section: PostmortemSection; draftKey: string; children?: ReactNode }) {
  const { incidentId, section, draftKey } = props;
  const draft = useSectionDrafts((state) => state.drafts[draftKey]);
  const editButton = useRef<HTMLButtonElement>(null);
  /** Set when the editor closes, so the keyboard lands back on Edit once it is shown again. */
  const refocus = useRef(false);
  const titleId = useId();
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors({ text: draft?.text });
  const problem = errors.form;

  const begin = () => {
    errors.clear();
    useSectionDrafts.getState().begin(draftKey, section.content);
  };
  const close = () => {
    refocus.current = true;
    useSectionDrafts.getState().discard(draftKey);
    errors.clear();
  };
  const editing = draft !== undefined;
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const cancel = async () => {
    if (draft && draft.text !== draft.base) {
      const yes = await askToDiscard(`Discard your changes to “${section.title}”?`, <p>What you typed in this section since the last save will be lost.</p>);
      if (!yes) return;
    }
    close();
  };
  const save = async () => {
    if (!draft || saving) return;
    setSaving(true);
    const outcome = await savePostmortem(incidentId, { sections: { [section.id]: draft.text } });
    setSaving(false);
    if (outcome.ok) close();
    else errors.report({ form: outcome.message });
  };

  return (
    <section className="pm-section" id={sectionAnchor(section.id)} aria-labelledby={titleId}>
      <header className="pm-section-header">
        <h2 id={titleId} tabIndex={-1}>
          {section.title}
        </h2>
        <span className="pm-badges">
          {section.fromRecord && (
            <span className="pm-badge pm-badge-record" title="Written from the incident’s record; regenerating refreshes it unless someone edits it">
              from the record
            </span>
          )}
          {section.edited && (
            <span className="pm-badge pm-badge-edited" title="Changed by a person; regenerating never overwrites it">
              edited
            </span>
          )}
          {draft && draft.text !== draft.base && <span className="pm-badge pm-badge-unsaved">unsaved changes</span>}
        </span>
        <span className="spacer" />
        {!draft && (
          <button type="button" ref={editButton} onClick={begin} aria-label={`Edit ${section.title}`}>
            Edit
          </button>
        )}
      </header>
      {draft ? (
        <SectionEditor
          section={section}
          text={draft.text}
          changedUnderneath={draft.base !== section.content}
          changedAt={draft.changedAt}
          saving={saving}
          problem={problem}
          onChange={(text) => useSectionDrafts.getState().update(draftKey, text)}
          onSave={() => void save()}
          onCancel={() => void cancel()}
        />
      ) : section.content.trim() === '' ? (
        <p className="muted">Nothing written yet.</p>
      ) : (
        <Markdown source={section.content} />
      )}
      {props.children}
    </section>
  );
}

function SectionEditor(props: {
  section: PostmortemSection;
  text: string;
  changedUnderneath: boolean;
  changedAt: number;
  saving: boolean;
  problem: string | null;
  onChange: (text: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { section, text } = props;
  const shown = useDeferredValue(text);
  useSaveShortcut(props.onSave);
  const fiveWhys = section.id === 'contributing-factors' || /contributing factors/i.test(section.title);
  return (
    <div className="pm-editor">
      {props.changedUnderneath && (
        <div className="notice" role="status">
          <span>
            This section changed since you began editing it (your text is from <LocalTime iso={new Date(props.changedAt).toISOString()} />
            ). Saving puts your text in its place.
          </span>
        </div>
      )}
      <div className="pm-editor-panes">
        <Field label={`Markdown of “${section.title}”`} className="pm-source" hint="GitHub-flavoured Markdown. Ctrl+S saves." error={undefined}>
          {(control) => (
            <textarea
              {...control}
              className="source-textarea pm-textarea"
              value={text}
              spellCheck
              autoFocus
              onChange={(event) => props.onChange(event.target.value)}
            />
          )}
        </Field>
        <section className="pm-preview" aria-label={`Preview of ${section.title}`}>
          <h3 className="pane-title">Preview</h3>
          {shown.trim() === '' ? <p className="muted">The rendered section appears here as you type.</p> : <Markdown source={shown} />}
        </section>
      </div>
      {fiveWhys && <FiveWhys text={text} onWrite={props.onChange} />}
      {props.problem && (
        <p className="save-problem" role="alert">
          <strong>Not saved.</strong> {props.problem} Everything you typed is still here.
        </p>
      )}
      <div className="pm-editor-actions">
        <button type="button" className="primary" onClick={props.onSave} aria-disabled={props.saving} aria-keyshortcuts="Control+S Meta+S">
          {props.saving ? 'Saving…' : `Save ${section.title}`}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
