import type { SloStatus } from '../../../shared/slos';
import { STATUS_LABELS, statusClass } from './format';

/** An SLO's status in words and colour (the colour is never the only cue). */
export function SloStatusBadge({ status }: { status: SloStatus }) {
  return (
    <span className={statusClass(status)} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
