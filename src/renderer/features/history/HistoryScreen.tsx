import { useEffect } from 'react';
import { onChange } from '../../api/client';
import { routeHref } from '../../app/route';
import { ActionItemsPanel } from './ActionItemsPanel';
import { IncidentSearch } from './IncidentSearch';
import { loadActionItems, loadServices, search } from './store';
import './history.css';

/** `#/history` and `#/history/action-items`: what happened before, and what was promised after. */
export function IncidentHistoryScreen({ tab }: { tab: 'incidents' | 'action-items' }) {
  useEffect(() => {
    // Each tab loads its own list when shown; this keeps them current as incidents change.
    void loadServices();
    return onChange((event) => {
      if (event.type === 'incident.changed') {
        void loadServices();
        void search();
        void loadActionItems();
      }
    });
  }, []);

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
