import { useState } from 'react';
import { routeHref } from '../../../app/route';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { NotOpened } from '../../../components/NotOpened';
import { WhatChangedPanel } from '../../changes/WhatChangedPanel';
import { DrillBanner } from '../../drills/responder/DrillBanner';
import { ForResponders } from '../../session/ForResponders';
import { RolesPanel } from '../roles/RolesPanel';
import { AttachRunbooks } from '../runner/AttachRunbooks';
import { StepRunner } from '../runner/StepRunner';
import { StatusComposer } from '../status/StatusComposer';
import { useIncident } from '../queries';
import { TIMELINE_LIVE_ID, TimelinePanel } from '../timeline/TimelinePanel';
import { ConcurrentFlag } from './ConcurrentFlag';
import { IncidentHeader } from './IncidentHeader';
import { ImpactPanel } from './ImpactPanel';
import { SimilarIncidents } from './SimilarIncidents';

/**
 * The screen a responder lives in for the length of an outage. Everything on it
 * comes from the store (a reload restores it exactly); only unsent text is kept
 * in the tab.
 */
export function IncidentScreen({ id }: { id: number }) {
  const query = useIncident(id);
  const incident = query.data;
  const problem = query.error?.message;
  const [error, setError] = useState<string | null>(null);

  if (!incident) {
    return <NotOpened className="incident-missing" noun="Incident" id={id} problem={problem} back={{ href: routeHref({ screen: 'incidents' }), label: 'All incidents' }} />;
  }

  return (
    <div className="incident-screen" data-status={incident.status} data-drill={incident.drill || undefined} data-testid="incident-screen">
      {incident.drill && <DrillBanner incident={incident} />}
      <IncidentHeader incident={incident} onError={setError} />
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <ConcurrentFlag incident={incident} onError={setError} />
      <div className="incident-body">
        <div className="incident-column incident-column-side">
          <RolesPanel incident={incident} onError={setError} />
          <ImpactPanel incident={incident} onError={setError} />
          <ForResponders>
            <StatusComposer incident={incident} key={incident.id} />
          </ForResponders>
        </div>
        <div className="incident-column incident-column-main">
          <StepRunner incident={incident} onError={setError} />
          {!incident.drill && <WhatChangedPanel incident={incident} />}
          <ForResponders>
            {incident.runbooks.length === 0 ? (
              <section className="panel" aria-label="Attach a runbook">
                <h2 className="panel-title">Attach a runbook</h2>
                <AttachRunbooks incident={incident} onError={setError} />
              </section>
            ) : (
              <details className="panel attach-more">
                <summary className="panel-title">Attach another runbook</summary>
                <AttachRunbooks incident={incident} onError={setError} />
              </details>
            )}
          </ForResponders>
          <SimilarIncidents incident={incident} />
        </div>
        <div className="incident-column incident-column-timeline">
          <TimelinePanel incident={incident} onError={setError} />
        </div>
      </div>
      <div id={TIMELINE_LIVE_ID} className="visually-hidden" aria-live="polite" aria-atomic="true" />
    </div>
  );
}
