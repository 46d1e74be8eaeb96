import type { SloStatus } from '../../../shared/slos';

/** How the SLO screens say budgets: one decimal of a percent, minutes to a tenth. */

export const percentText = (fraction: number | null | undefined, digits = 1): string =>
  fraction === null || fraction === undefined ? '—' : `${(fraction * 100).toFixed(digits)} %`;

/** An objective: 99.9 %, 99.95 %, 99 % (as many decimals as it has). */
export const objectiveText = (target: number): string => `${Number((target * 100).toPrecision(10))} %`;

export const minutesText = (minutes: number | null | undefined): string =>
  minutes === null || minutes === undefined ? '—' : `${(Math.round(minutes * 10) / 10).toLocaleString('en')} min`;

export const STATUS_LABELS: Record<SloStatus, string> = {
  ok: 'OK',
  warning: 'Low budget',
  exhausted: 'Exhausted',
  'no-data': 'No data',
};

export const statusClass = (status: SloStatus): string => `slo-status slo-status-${status}`;
