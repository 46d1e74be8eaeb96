import type { WhatChangedItem } from '../../../shared/changes';
import type { Incident } from '../../../shared/incidents';
import { routeHref } from '../../app/route';
import { LocalTime } from '../../components/LocalTime';
import { openExternal } from '../../components/external';
import { ExternalIcon } from '../../components/icons';
import { useWhatChanged } from './queries';
import './changes.css';

/** "What changed?": changes and change events on the incident's services before it started, strongest reason first, each with why. */
export function WhatChangedPanel({ incident }: { incident: Incident }) {
  const items = useWhatChanged(incident.id).data ?? [];
  return (
    <details className="panel what-changed" open>
      <summary className="panel-title">What changed? ({items.length})</summary>
      {items.length === 0 ? (
        <p className="muted">No change or change event on {incident.services.join(', ') || 'any service'} in the 72 hours before it started.</p>
      ) : (
        <ol aria-label="What changed">
          {items.map((item) => (
            <li key={item.id} data-kind={item.kind}>
              <span className="what-changed-head">
                <span className="state-chip">{item.kind === 'change' ? 'Change' : 'Event'}</span> <ItemTitle item={item} />
              </span>
              <span className="muted">
                <LocalTime iso={item.at} /> · {item.services.join(', ') || 'any service'} · {item.why}
              </span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** A change's title links to its screen; an event's to what it links (its CI run, its flag), each asked before leaving. */
function ItemTitle({ item }: { item: WhatChangedItem }) {
  if (item.number !== null) {
    return (
      <a href={routeHref({ screen: 'change', id: item.number })}>
        <strong>{item.title}</strong>
      </a>
    );
  }
  return (
    <>
      <strong>{item.title}</strong>
      {item.links.map((link) => (
        <button key={link.href} type="button" className="link-out" title={link.href} onClick={() => void openExternal(link.href)}>
          {link.text || new URL(link.href).host} <ExternalIcon />
        </button>
      ))}
    </>
  );
}
