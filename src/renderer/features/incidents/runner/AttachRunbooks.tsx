import { useEffect, useId, useState } from 'react';
import type { Incident } from '../../../../shared/incidents';
import type { RunbookSummary } from '../../../../shared/runbooks';
import { api } from '../../../api/client';
import { perform } from '../store';

/** Runbooks for the incident's services and tags (and by search), to attach as checklists. */
export function AttachRunbooks({ incident, onError }: { incident: Incident; onError: (message: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ key: string; items: RunbookSummary[] } | null>(null);
  const [attaching, setAttaching] = useState<number | null>(null);
  // Asked again when the query or the attached runbooks change (attached ones are not suggested).
  const key = `${incident.id}\n${query.trim()}\n${incident.runbooks.map((runbook) => runbook.runbookId).join(',')}\n${incident.services.join(',')}`;

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void api.suggestRunbooks({ id: incident.id, query: query.trim() }).then((result) => {
        if (!live) return;
        if (result.ok) setFound({ key, items: result.value });
        else onError(result.error.message);
      });
    }, query.trim() ? 200 : 0);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `key` covers the query, the incident and what is attached.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const attach = async (runbook: RunbookSummary) => {
    setAttaching(runbook.id);
    const outcome = await perform(incident.id, api.attachRunbook({ id: incident.id, runbookId: runbook.id }));
    setAttaching(null);
    if (!outcome.ok) onError(outcome.message);
  };

  const items = found?.items ?? [];
  const stale = found?.key !== key;
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
        onChange={(event) => setQuery(event.target.value)}
        placeholder="rollback, replication lag…"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {query.trim()
          ? 'Matches for the search, after the suggested runbooks.'
          : 'Suggested: runbooks for the affected services, then runbooks tagged with a service or a word of the title.'}
      </p>
      {found === null ? (
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
