import type { ActionItem } from '../../../shared/postmortems';
import { routeHref } from '../../app/route';
import { isExternalUrl, openExternal } from '../../components/external';
import { ACTION_STATUS_LABELS, ACTION_TYPE_LABELS } from './labels';
import './postmortems.css';

/** Action items as a table; overdue ones are marked in words, not only in colour. */
export function ActionItemsTable(props: {
  items: ActionItem[];
  caption: string;
  /** Across incidents: a column saying whose post-mortem each belongs to. */
  showIncident?: boolean;
  onEdit?: (item: ActionItem) => void;
}) {
  return (
    <table className="pm-table action-items-table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Description</th>
          {props.showIncident && <th scope="col">Incident</th>}
          <th scope="col">Type</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">Link</th>
          {props.onEdit && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.id} className={item.overdue ? 'action-overdue' : undefined}>
            <td className="action-description">{item.description}</td>
            {props.showIncident && (
              <td>
                <a href={routeHref({ screen: 'postmortem', id: item.incidentId })}>
                  #{item.incidentId} {item.incidentTitle}
                </a>
              </td>
            )}
            <td>{ACTION_TYPE_LABELS[item.type]}</td>
            <td>{item.owner || <span className="muted">nobody yet</span>}</td>
            <td className="numeric">
              {item.dueDate ?? <span className="muted">—</span>}
              {item.overdue && <span className="overdue-mark">Overdue</span>}
            </td>
            <td>
              <span className={`action-status action-status-${item.status}`}>{ACTION_STATUS_LABELS[item.status]}</span>
            </td>
            <td className="action-link">
              {item.link === '' ? (
                <span className="muted">—</span>
              ) : isExternalUrl(item.link) ? (
                <a
                  href={item.link}
                  className="external-link"
                  title={item.link}
                  onClick={(event) => {
                    event.preventDefault();
                    void openExternal(item.link);
                  }}
                >
                  {shortLink(item.link)}
                </a>
              ) : (
                <span>{item.link}</span>
              )}
            </td>
            {props.onEdit && (
              <td>
                <button type="button" onClick={() => props.onEdit?.(item)} aria-label={`Edit action item: ${item.description}`}>
                  Edit
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "tracker.example.internal/OPS-123" rather than the whole address. */
function shortLink(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return parsed.pathname;
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
