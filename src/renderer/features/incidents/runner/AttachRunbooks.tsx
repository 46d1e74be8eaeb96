import { useEffect, useId, useState } from 'react';
import { useTypedSearch } from '../../../components/typing-gate';
import type { Incident } from '../../../../shared/incidents';
import type { RunbookSummary } from '../../../../shared/runbooks';
import { logEvent } from '../mutations';
import { useSuggestedRunbooks } from '../queries';

/** Runbooks for the incident's services and tags (and by search), to attach as checklists. */
export function AttachRunbooks({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const { searched, type } = useTypedSearch();
  const [attaching, setAttaching] = useState<number | null>(null);
  // Asked again when the query changes, and when the incident does (attached runbooks are not suggested).
  const found = useSuggestedRunbooks(incident.id, searched.trim());
  const problem = found.error?.message;
  useEffect(() => {
    if (problem) onError(problem);
  }, [problem, onError]);

  const attach = async (runbook: RunbookSummary) => {
    setAttaching(runbook.id);
    const outcome = await logEvent('attachRunbook', { id: incident.id, runbookId: runbook.id });
    setAttaching(null);
    if (!outcome.ok) onError(outcome.message);
  };

  const items: RunbookSummary[] = found.data ?? [];
  const stale = found.isPlaceholderData || searched !== query;
  return (
    <div className="attach-runbooks">
      <label htmlFor={`${id}-search`} className="field-label">
        Find a runbook
      </label>
      <input
        id={`${id}-search`}
        className="text-input"
        type="search"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          type(event.target.value);
        }}
        placeholder="rollback, replication lag…"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {query.trim()
          ? 'Matches for the search, after the suggested runbooks.'
          : 'Suggested: runbooks for the affected services, then runbooks tagged with a service or a word of the title.'}
      </p>
      {found.data === undefined ? (
        <p className="muted">Looking…</p>
      ) : items.length === 0 ? (
        <p className="muted">{query.trim() ? 'Nothing matches.' : 'No runbook is suggested for these services or this title. Search for one.'}</p>
      ) : (
        <ul className="runbook-suggestions" aria-busy={stale} aria-label="Runbooks to attach">
          {items.map((runbook) => (
            <li key={runbook.id}>
              <span className="suggestion-text">
                <strong>{runbook.title}</strong>
                <span className="muted">
                  {runbook.stepCount} steps{runbook.services.length > 0 ? ` · ${runbook.services.join(', ')}` : ''}
                </span>
              </span>
              <button
                type="button"
                className="small-button"
                disabled={attaching !== null || incident.status === 'resolved'}
                onClick={() => void attach(runbook)}
                aria-label={`Attach ${runbook.title}`}
              >
                {attaching === runbook.id ? 'Attaching…' : 'Attach'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
