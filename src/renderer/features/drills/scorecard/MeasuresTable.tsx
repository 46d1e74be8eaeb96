import type { ScorecardRow } from '../../../../shared/drills';
import { minutesText, verdict, VERDICT_LABELS } from '../format';

/** Measure, actual, target and the verdict: a mark, a word and a colour, so it reads at a glance and without colour. */
export function MeasuresTable({ rows }: { rows: ScorecardRow[] }) {
  return (
    <table className="drill-table measures-table" aria-label="Times against targets">
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col" className="numeric">
            Actual
          </th>
          <th scope="col" className="numeric">
            Target
          </th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const result = verdict(row);
          const label = VERDICT_LABELS[result];
          return (
            <tr key={row.measure} data-verdict={result}>
              <th scope="row">{row.measure}</th>
              <td className="numeric measure-actual">{minutesText(row.actualMinutes)}</td>
              <td className="numeric">{row.targetMinutes === null ? '—' : `≤ ${minutesText(row.targetMinutes)}`}</td>
              <td>
                <span className="verdict" data-verdict={result}>
                  <span aria-hidden="true">{label.mark}</span> {label.text}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
