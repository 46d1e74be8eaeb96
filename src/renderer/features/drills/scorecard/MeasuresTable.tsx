import type { ScorecardRow } from '../../../../shared/drills';
import { minutesText, verdict, VERDICT_LABELS } from '../format';
import { DataTable } from '../../../components/DataTable';

/** Measure, actual, target and the verdict: a mark, a word and a colour, so it reads at a glance and without colour. */
export function MeasuresTable({ rows }: { rows: ScorecardRow[] }) {
  return (
    <DataTable
      className="drill-table measures-table"
      label="Times against targets"
      rows={rows}
      rowKey={(row) => row.measure}
      rowProps={(row) => ({ 'data-verdict': verdict(row) })}
      columns={[
        { header: 'Measure', cell: (row) => row.measure },
        { header: 'Actual', className: 'numeric measure-actual', cell: (row) => minutesText(row.actualMinutes) },
        { header: 'Target', className: 'numeric', cell: (row) => (row.targetMinutes === null ? '—' : `≤ ${minutesText(row.targetMinutes)}`) },
        {
          header: 'Result',
          cell: (row) => {
            const result = verdict(row);
            const label = VERDICT_LABELS[result];
            return (
              <span className="verdict" data-verdict={result}>
                <span aria-hidden="true">{label.mark}</span> {label.text}
              </span>
            );
          },
        },
      ]}
    />
  );
}
