import { formatStamp, systemZone } from '../../../shared/zoned-time';
import { routeHref } from '../../app/route';
import type { ChangeMark } from './BurnDownChart';

/** The changes the burn-down draws as lines, as a list a keyboard and a screen reader reach: title (linked), when, state. */
export function ServiceChanges({ service, changes, window }: { service: string; changes: readonly ChangeMark[]; window: { from: string; to: string } }) {
  const shown = changes.filter((change) => Date.parse(change.at) >= Date.parse(window.from) && Date.parse(change.at) <= Date.parse(window.to));
  if (shown.length === 0) return null;
  const zone = systemZone();
  return (
    <div className="slo-chart-changes">
      <h3>Changes on {service} in the window</h3>
      <ul className="slo-changes">
        {shown.map((change) => (
          <li key={change.id}>
            <a href={routeHref({ screen: 'change', id: change.id })}>{change.title}</a> <span className="muted">· {formatStamp(change.at, zone)} · {change.state}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
