import { useState } from 'react';
import type { Postmortem } from '../../../shared/postmortems';
import { routeHref } from '../../app/route';
import { ask } from '../../components/confirm';
import { serviceList, severityClass, STATUS_LABELS } from '../incidents/format';
import { LocalTime, TimeFact } from '../../components/LocalTime';
import { ActionItemsEditor } from './ActionItemsEditor';
import { sectionDraftKey } from './drafts';
import { ExportBar } from './ExportBar';
import { ReviewFields } from './ReviewFields';
import { sectionAnchor, SectionCard } from './SectionCard';
import { useIncident } from '../incidents/queries';
import { regeneratePostmortem } from './mutations';
import { usePostmortemDraft } from './queries';
import './postmortems.css';

const ACTION_ITEMS_SECTION = 'action-items';

/**
 * `#/incidents/:id/postmortem`: the draft written from the incident's record,
 * edited section by section, its action items, and its exports.
 * Mounted with `key={id}`.
 */
export function PostmortemScreen({ id }: { id: number }) {
  // The incident as it is now (a change elsewhere shows here too), and its draft.
  const incidentQuery = useIncident(id);
  const draftQuery = usePostmortemDraft(id);
  const incident = incidentQuery.data;
  const postmortem = draftQuery.data;
  const problem = incidentQuery.error?.message ?? draftQuery.error?.message ?? null;
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [regenerating, setRegenerating] = useState(false);

  if (problem !== null) {
    return (
      <div className="not-found">
        <h1>No post-mortem for incident #{id}</h1>
        <p>{problem}</p>
        <a href={routeHref({ screen: 'incidents' })}>Go to the incidents</a>
      </div>
    );
  }
  if (!incident || !postmortem) return <p className="muted pm-loading">Loading the post-mortem…</p>;

  const regenerate = async () => {
    if (regenerating) return;
    const yes = await ask({
      title: 'Regenerate from the record?',
      body: (
        <>
          <p>
            Sections marked <strong>from the record</strong> are written again from the incident as it stands now: its
            timeline, responders, runbooks and action items.
          </p>
          <p>
            Sections anyone has <strong>edited</strong>, and everything people wrote (what went well, lessons…), are kept
            exactly as they are.
          </p>
        </>
      ),
      confirmLabel: 'Regenerate',
      cancelLabel: 'Cancel',
      focus: 'confirm',
    });
    if (!yes) return;
    setRegenerating(true);
    const before = postmortem;
    const outcome = await regeneratePostmortem(id);
    setRegenerating(false);
    setMessage(outcome.ok ? { text: regenerated(before, outcome.postmortem), failed: false } : { text: outcome.message, failed: true });
  };

  const hasActionSection = postmortem.sections.some((section) => section.id === ACTION_ITEMS_SECTION);
  const resolved = incident.status === 'resolved';
  return (
    <div className="postmortem-screen">
      <a className="back-link" href={routeHref({ screen: 'incident', id })}>
        ← Incident #{id}
      </a>
      <header className="pm-header">
        <div className="pm-title-row">
          <span className={severityClass(incident.severity)}>{incident.severity}</span>
          <h1>Post-mortem: {incident.title}</h1>
        </div>
        <p className="pm-facts">
          <span className={`status status-${incident.status}`}>{STATUS_LABELS[incident.status]}</span>
          <span>Services: {serviceList(incident.services)}</span>
          <TimeFact label="Started" iso={incident.startedAt} />
          <TimeFact label="Resolved" iso={incident.resolvedAt} />
          <span className="muted">
            Draft written <LocalTime iso={postmortem.createdAt} />, last changed <LocalTime iso={postmortem.updatedAt} />
          </span>
        </p>
        {!resolved && (
          <div className="notice" role="note">
            <span>This incident is still open. Regenerate once it is resolved to bring the rest of its record in.</span>
          </div>
        )}
        <ReviewFields postmortem={postmortem} onMessage={(text, failed) => setMessage({ text, failed })} />
        <div className="pm-toolbar">
          <button type="button" onClick={() => void regenerate()} aria-disabled={regenerating}>
            {regenerating ? 'Regenerating…' : 'Regenerate from the record'}
          </button>
          <ExportBar incidentId={id} title={incident.title} />
        </div>
        <p className={message?.failed ? 'field-error' : 'pm-message'} role={message?.failed ? 'alert' : 'status'}>
          {message?.text}
        </p>
      </header>
      <div className="pm-layout">
        <nav className="pm-contents" aria-label="Sections">
          <h2 className="pane-title">Sections</h2>
          <ol>
            {postmortem.sections.map((section) => (
              <li key={section.id}>
                <a
                  href={`#${sectionAnchor(section.id)}`}
                  onClick={(event) => {
                    // Scroll within the screen; the console's route stays as it is.
                    event.preventDefault();
                    const target = document.getElementById(sectionAnchor(section.id));
                    target?.scrollIntoView({ block: 'start' });
                    target?.querySelector<HTMLElement>('h2')?.focus();
                  }}
                >
                  {section.title}
                </a>
                {section.edited && <span className="visually-hidden"> (edited)</span>}
              </li>
            ))}
          </ol>
        </nav>
        <div className="pm-sections">
          {postmortem.sections.map((section) => (
            <SectionCard
              key={section.id}
              incidentId={id}
              section={section}
              draftKey={sectionDraftKey(id, postmortem.createdAt, section.id)}
            >
              {section.id === ACTION_ITEMS_SECTION && <ActionItemsEditor incidentId={id} />}
            </SectionCard>
          ))}
          {!hasActionSection && (
            <section className="pm-section" aria-label="Action items">
              <ActionItemsEditor incidentId={id} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

/** "2 sections refreshed from the record; 1 edited section kept." */
function regenerated(before: Postmortem, after: Postmortem): string {
  const old = new Map(before.sections.map((section) => [section.id, section.content]));
  const refreshed = after.sections.filter((section) => section.fromRecord && !section.edited && old.get(section.id) !== section.content).length;
  const kept = after.sections.filter((section) => section.edited).length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [refreshed === 0 ? 'Nothing new in the record' : `${plural(refreshed, 'section')} refreshed from the record`];
  if (kept > 0) parts.push(`${plural(kept, 'edited section')} kept as written`);
  return `Regenerated: ${parts.join('; ')}.`;
}
