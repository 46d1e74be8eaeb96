import { useState, type FormEvent } from 'react';
import { Field, SelectField } from '../../components/Field';
import { REVIEW_STATUSES, type Postmortem } from '../../../shared/postmortems';
import { REVIEW_STATUS_LABELS } from './labels';
import { savePostmortem } from './mutations';

/** The document's header table is written when the draft is (re)generated, not when these are saved. */

const splitAuthors = (text: string): string[] =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');

/** The review's status (saved as soon as it changes) and its authors. */
export function ReviewFields({ postmortem, onMessage }: { postmortem: Postmortem; onMessage: (message: string, failed: boolean) => void }) {
  const saved = postmortem.authors.join(', ');
  const [authors, setAuthors] = useState(saved);
  // When the saved authors change (a save here or elsewhere), the field shows them.
  const [shownSaved, setShownSaved] = useState(saved);
  if (shownSaved !== saved) {
    setShownSaved(saved);
    setAuthors(saved);
  }
  const [busy, setBusy] = useState(false);
  const changed = splitAuthors(authors).join(', ') !== saved;

  // Controls are never disabled while saving: a disabled control drops the keyboard focus.
  const setStatus = async (reviewStatus: Postmortem['reviewStatus']) => {
    setBusy(true);
    const outcome = await savePostmortem(postmortem.incidentId, { reviewStatus });
    setBusy(false);
    onMessage(outcome.ok ? `Review status: ${REVIEW_STATUS_LABELS[reviewStatus]}.` : outcome.message, !outcome.ok);
  };
  const saveAuthors = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed || busy) return;
    setBusy(true);
    const outcome = await savePostmortem(postmortem.incidentId, { authors: splitAuthors(authors) });
    setBusy(false);
    onMessage(outcome.ok ? 'Authors saved.' : outcome.message, !outcome.ok);
  };

  return (
    <form className="pm-review" onSubmit={(event) => void saveAuthors(event)}>
      <SelectField
        label="Review status"
        value={postmortem.reviewStatus}
        values={REVIEW_STATUSES}
        labels={REVIEW_STATUS_LABELS}
        selectClassName={`pm-review-status pm-review-${postmortem.reviewStatus.replace(' ', '-')}`}
        busy={busy}
        onChange={(status) => void setStatus(status)}
      />
      <Field label="Authors" className="pm-authors" hint="Separate names with commas; press Enter to save." hintHidden>
        {(control) => <input {...control} className="text-input" value={authors} placeholder="Names, separated by commas" onChange={(event) => setAuthors(event.target.value)} />}
      </Field>
      <button type="submit" aria-disabled={!changed || busy}>
        Save authors
      </button>
    </form>
  );
}
