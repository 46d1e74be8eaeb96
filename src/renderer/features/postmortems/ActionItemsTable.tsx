import type { ActionItem } from '../../../shared/postmortems';
import { routeHref } from '../../app/route';
import { DataTable } from '../../components/DataTable';
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
  const { onEdit } = props;
  return (
    <DataTable
      className="pm-table action-items-table"
      caption={props.caption}
      captionClassName="visually-hidden"
      rows={props.items}
      rowKey={(item) => item.id}
      rowProps={(item) => (item.overdue ? { className: 'action-overdue' } : {})}
      columns={[
        { header: 'Description', className: 'action-description', cell: (item) => item.description },
        props.showIncident && {
          header: 'Incident',
          cell: (item) => (
            <a href={routeHref({ screen: 'postmortem', id: item.incidentId })}>
              #{item.incidentId} {item.incidentTitle}
            </a>
          ),
        },
        { header: 'Type', cell: (item) => ACTION_TYPE_LABELS[item.type] },
        { header: 'Owner', cell: (item) => item.owner || <span className="muted">nobody yet</span> },
        {
          header: 'Due',
          className: 'numeric',
          cell: (item) => (
            <>
              {item.dueDate ?? <span className="muted">—</span>}
              {item.overdue && <span className="overdue-mark">Overdue</span>}
            </>
          ),
        },
        { header: 'Status', cell: (item) => <span className={`action-status action-status-${item.status}`}>{ACTION_STATUS_LABELS[item.status]}</span> },
        { header: 'Link', className: 'action-link', cell: (item) => <ItemLink link={item.link} /> },
        onEdit && {
          header: 'Actions',
          hideHeader: true,
          cell: (item) => (
            <button type="button" onClick={() => onEdit(item)} aria-label={`Edit action item: ${item.description}`}>
              Edit
            </button>
          ),
        },
      ]}
    />
  );
}

/** A tracker address opens in the browser, shortened; anything else is shown as written. */
function ItemLink({ link }: { link: string }) {
  if (link === '') return <span className="muted">—</span>;
  if (!isExternalUrl(link)) return <span>{link}</span>;
  return (
    <a
      href={link}
      className="external-link"
      title={link}
      onClick={(event) => {
        event.preventDefault();
        void openExternal(link);
      }}
    >
      {shortLink(link)}
    </a>
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
