import { useId, useState } from 'react';
import type { Team } from '../../../../shared/rosters';
import { downloadFile, safeFileName } from '../../../components/download';
import { DateRange, Field, Options } from '../../../components/Field';
import { OnCallNav } from '../OnCallNav';
import { useLoadReport, useRoster } from '../queries';
import { viewerZone } from '../time';
import { loadReportCsv } from '../../../../shared/load-report-csv';
import { LoadChart } from './LoadChart';
import { LoadTable } from './LoadTable';
import { lastDays, type LoadPeriod } from './period';
import { setLoadPeriod as setPeriod, useLoadPeriod } from './store';

const NO_TEAMS: Team[] = [];

/** `#/oncall/load`: hours on call per person over a period, split by when they fell in each person's own day. */
export function LoadScreen() {
  const teams = useRoster().data?.teams ?? NO_TEAMS;
  const period = useLoadPeriod((state) => state.period);
  const { query, problem } = useLoadReport(period);
  const rows = query.data ?? null;
  // The period the rows on screen answer: the one asked for once its answer is in, the last one until then.
  const [rowsFor, setRowsFor] = useState<LoadPeriod | null>(null);
  if (rows && !query.isPlaceholderData && rowsFor !== period) setRowsFor(period);
  const error = problem ?? query.error?.message ?? null;
  const id = useId();

  const preset = (days: number) => {
    const range = lastDays(days);
    return { range, pressed: range.from === period.from && range.to === period.to };
  };
  const exportCsv = () => {
    if (!rows || !rowsFor) return;
    const team = rowsFor.team ? `-${safeFileName(rowsFor.team)}` : '';
    downloadFile(`oncall-load-${rowsFor.from}-to-${rowsFor.to}${team}.csv`, loadReportCsv(rows), 'text/csv');
  };

  return (
    <div className="oc-screen oc-load-screen">
      <OnCallNav current={{ screen: 'oncall-load' }} />
      <header className="oc-header">
        <h1>On-call load</h1>
      </header>
      <form className="oc-load-filters" onSubmit={(event) => event.preventDefault()} aria-label="Period and team">
        <DateRange
          fromLabel="First day"
          toLabel="Last day"
          from={period.from}
          to={period.to}
          // A cleared date keeps the period it had: the load is always of some days.
          onChange={(range) => {
            if (range.from || range.to) setPeriod(range);
          }}
        />
        <Field label="Team">
          {(control) => (
            <select {...control} className="text-input" value={period.team} onChange={(event) => setPeriod({ team: event.target.value })}>
              <Options any="All teams" values={teams.map((team) => team.name)} />
            </select>
          )}
        </Field>
        <div className="oc-segmented oc-load-presets" role="group" aria-label="Quick periods">
          {[7, 30, 90].map((days) => {
            const { range, pressed } = preset(days);
            return (
              <button key={days} type="button" className="toggle" aria-pressed={pressed} onClick={() => setPeriod(range)}>
                Last {days} days
              </button>
            );
          })}
        </div>
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={!rows || rows.length === 0}>
          Export CSV
        </button>
      </form>
      <p className="field-hint oc-load-explain">
        Days are your days ({viewerZone()}), both included. Hours are split by when they fell in each person’s own zone:
        business hours Monday–Friday 09:00–17:00, sleep hours 22:00–07:00, the rest off-hours. Overrides count for
        whoever covered.
      </p>
      {error && (
        <p className="oc-error" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p className="empty">Nobody was on call in this period.</p>}
      {rows && rows.length > 0 && (
        <div className="oc-load-panels">
          <LoadChart rows={rows} tableId={`${id}-table`} />
          <LoadTable rows={rows} id={`${id}-table`} />
        </div>
      )}
    </div>
  );
}
