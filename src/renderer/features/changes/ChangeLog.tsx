import type { OutputOf } from '../../../shared/contract';
import { LocalTime } from '../../components/LocalTime';

type Entry = OutputOf<'getChange'>['log'][number];

function describe(entry: Entry): string {
  switch (entry.kind) {
    case 'gate':
      return `${entry.detail.phase === 'pre' ? 'Pre-check' : 'Gate'} of ${entry.detail.tier}: ${entry.detail.result}`;
    case 'started':
      return `Started tier ${entry.detail.tier}`;
    case 'promoted':
      return `Promoted ${entry.detail.from} → ${entry.detail.tier}`;
    case 'override':
      return `Override of ${entry.detail.rule} by ${entry.actor}, approved by ${entry.detail.approver}: “${entry.detail.reason}”`;
    case 'rolled-back':
      return 'Rolled back';
    default:
      return entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
  }
}

/** The change's append-only log: who, when, what, evidence. */
export function ChangeLog({ change }: { change: OutputOf<'getChange'> }) {
  return (
    <section className="panel" aria-label="Change log">
      <h2 className="panel-title">Log</h2>
      <ol className="change-log">
        {change.log.map((entry) => (
          <li key={entry.uid} data-kind={entry.kind}>
            <LocalTime iso={entry.at} /> <strong>{entry.actor}</strong> {describe(entry)}
            {entry.evidence && <span className="muted"> — {entry.evidence}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
