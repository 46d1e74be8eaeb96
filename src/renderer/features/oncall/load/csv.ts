import type { LoadReportRow } from '../../../../shared/rosters';

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The load report as CSV, one person a row, hours with two decimals (the same columns as `holdfast oncall load --csv`). */
export function loadReportCsv(rows: LoadReportRow[]): string {
  const lines = ['handle,name,business_hours,off_hours,sleep_hours,total_hours'];
  for (const row of rows) {
    lines.push(
      [row.person.handle, row.person.name, row.businessHours, row.offHours, row.sleepHours, row.totalHours]
        .map((value) => quote(typeof value === 'number' ? value.toFixed(2) : value))
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
