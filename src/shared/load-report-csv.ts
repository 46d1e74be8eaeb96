import { csvFile } from './csv';
import type { LoadReportRow } from './rosters';

/**
 * The on-call load report as CSV, one person a row, hours with two decimals: the
 * same file from the load screen's "Export CSV" and `holdfast oncall load --csv`.
 */
export function loadReportCsv(rows: LoadReportRow[]): string {
  return csvFile([
    ['handle', 'name', 'business_hours', 'off_hours', 'sleep_hours', 'total_hours'],
    ...rows.map((row) => [
      row.person.handle,
      row.person.name,
      ...[row.businessHours, row.offHours, row.sleepHours, row.totalHours].map((hours) => hours.toFixed(2)),
    ]),
  ]);
}
