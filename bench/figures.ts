export type Unit = 'ms' | 's' | 'MB' | '×' | 'rows';

export interface Budget {
  /** `max`: the figure must be at most `value`; `min`: at least. */
  kind: 'max' | 'min';
  value: number;
}

export interface Figure {
  id: string;
  label: string;
  value: number;
  unit: Unit;
  budget?: Budget;
  /** What the figure is made of, in a few words (shown under the table in docs). */
  note?: string;
}

export const max = (value: number): Budget => ({ kind: 'max', value });
export const min = (value: number): Budget => ({ kind: 'min', value });

export function isMet(figure: Figure): boolean | null {
  if (!figure.budget || !Number.isFinite(figure.value)) return figure.budget ? false : null;
  return figure.budget.kind === 'max' ? figure.value <= figure.budget.value : figure.value >= figure.budget.value;
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 'rows' ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)}`;
}

export function formatBudget(figure: Figure): string {
  if (!figure.budget) return '—';
  return `${figure.budget.kind === 'max' ? '≤' : '≥'} ${figure.budget.value} ${figure.unit}`;
}

/** The figures as a Markdown table (also readable as plain text in a terminal). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const met = isMet(figure);
    return [figure.label, formatValue(figure.value, figure.unit), figure.unit, formatBudget(figure), met === null ? '' : met ? 'met' : 'NOT MET'];
  });
  const header = ['figure', 'value', 'unit', 'budget', 'met'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((width, column) => (column === 1 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}
