import { useState } from 'react';
import type { Incident, Severity } from '../../../../shared/incidents';
import { Dialog } from '../../../components/Dialog';
import { SeverityPicker } from '../declare/SeverityPicker';
import { logEvent } from '../mutations';
import { useIncidentSettings } from '../queries';

/** Raise or lower the severity; the change is logged on the timeline. */
export function SeverityDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const levels = useIncidentSettings().data?.severities;
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (severity === incident.severity) {
      onClose();
      return;
    }
    setBusy(true);
    const outcome = await logEvent('changeSeverity', { id: incident.id, severity });
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.message);
  };
  return (
    <Dialog
      title="Change severity"
      className="severity-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy || severity === incident.severity} onClick={() => void save()} data-autofocus>
            {severity === incident.severity ? `Still ${severity}` : `Change to ${severity}`}
          </button>
        </>
      }
    >
      <SeverityPicker value={severity} onChange={setSeverity} levels={levels} current={incident.severity} legend="New severity" />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
