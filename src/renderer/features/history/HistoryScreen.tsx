import { routeHref } from '../../app/route';
import { ActionItemsPanel } from './ActionItemsPanel';
import { IncidentSearch } from './IncidentSearch';
import './history.css';

/** `#/history` and `#/history/action-items`: what happened before, and what was promised after. */
export function IncidentHistoryScreen({ tab }: { tab: 'incidents' | 'action-items' }) {
  return (
    <div className="incident-history">
      <header className="incident-history-header">
        <h1>History</h1>
        <nav className="history-tabs" aria-label="History views">
          <a href={routeHref({ screen: 'incident-history', tab: 'incidents' })} aria-current={tab === 'incidents' ? 'page' : undefined}>
            Past incidents
          </a>
          <a
            href={routeHref({ screen: 'incident-history', tab: 'action-items' })}
            aria-current={tab === 'action-items' ? 'page' : undefined}
          >
            Action items
          </a>
        </nav>
      </header>
      {tab === 'incidents' ? <IncidentSearch /> : <ActionItemsPanel />}
    </div>
  );
}
