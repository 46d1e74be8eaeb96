import { useState } from 'react';
import type { ActionItem } from '../../../shared/postmortems';
import { ActionItemDialog } from './ActionItemDialog';
import { ActionItemsTable } from './ActionItemsTable';
import { useIncidentActionItems } from './queries';

/** The incident's action items, tracked across incidents; add and change them here. */
export function ActionItemsEditor({ incidentId }: { incidentId: number }) {
  const query = useIncidentActionItems(incidentId);
  // An incident whose items cannot be had shows none (the draft itself says what is wrong).
  const items = query.error ? [] : (query.data ?? null);
  const [editing, setEditing] = useState<ActionItem | 'new' | null>(null);
  const [message, setMessage] = useState('');
  return (
    <div className="pm-action-items">
      <div className="pm-action-items-head">
        <h3>Tracked action items</h3>
        <span className="spacer" />
        <button type="button" onClick={() => setEditing('new')}>
          Add action item
        </button>
      </div>
      <p className="field-hint">
        Tracked across incidents in History → Action items. The section above lists them as they were when the draft was
        last regenerated.
      </p>
      {items === null ? (
        <p className="muted">Loading action items…</p>
      ) : items.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <ActionItemsTable items={items} caption="Action items of this incident" onEdit={(item) => setEditing(item)} />
      )}
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {editing && (
        <ActionItemDialog
          incidentId={incidentId}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(item) => {
            setEditing(null);
            setMessage(`Saved action item “${item.description}”.`);
          }}
        />
      )}
    </div>
  );
}
