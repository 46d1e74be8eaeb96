import type { Override, Schedule } from '../../../../shared/rosters';
import { ask } from '../../../components/confirm';
import { DataTable } from '../../../components/DataTable';
import { formatInZone, zoneCity } from '../time';
import { ZonedTime } from '../ZonedTime';
import { deleteOverride } from '../mutations';
import { ForResponders } from '../../session/ForResponders';
import { useCanWrite } from '../../session/queries';

/** The schedule's overrides, soonest first; deleting one asks first. */
export function OverrideList(props: { schedule: Schedule; overrides: Override[]; names: Map<string, string>; now: number; onError: (message: string) => void }) {
  const { schedule, overrides, names, now } = props;
  const sorted = [...overrides].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const zone = schedule.timeZone;
  const canWrite = useCanWrite();
  const who = (override: Override) => names.get(override.person) ?? override.person;
  const ended = (override: Override) => Date.parse(override.end) <= now;
  const remove = async (override: Override) => {
    const yes = await ask({
      title: 'Delete this override?',
      body: (
        <p>
          {who(override)} would no longer cover {schedule.name} from {formatInZone(override.start, zone)} to {formatInZone(override.end, zone)}{' '}
          ({zoneCity(zone)} time); the layers decide who is on call then.
        </p>
      ),
      confirmLabel: 'Delete override',
      cancelLabel: 'Keep it',
      focus: 'cancel',
      danger: true,
    });
    if (!yes) return;
    const result = await deleteOverride(override.id);
    if (!result.ok) props.onError(result.error.message);
  };
  return (
    <section className="oc-override-list" aria-labelledby="oc-overrides-title">
      <h2 id="oc-overrides-title" className="pane-title">
        Overrides <span className="count">({sorted.length})</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">None.{canWrite && ' Drag across the Final row, click a shift, or use “Cover a shift…”.'}</p>
      ) : (
        <DataTable
          className="oc-data-table"
          rows={sorted}
          rowKey={(override) => override.id}
          rowProps={(override) => (ended(override) ? { className: 'oc-override-ended' } : {})}
          columns={[
            {
              header: 'Who covers',
              cell: (override) => (
                <>
                  {who(override)}
                  {ended(override) && <span className="mark-archived">ended</span>}
                </>
              ),
            },
            { header: 'From', cell: (override) => <ZonedTime iso={override.start} zone={zone} year stacked /> },
            { header: 'To', cell: (override) => <ZonedTime iso={override.end} zone={zone} year stacked /> },
            { header: 'Note', cell: (override) => override.note },
            {
              header: 'Actions',
              hideHeader: true,
              cell: (override) => (
                <ForResponders>
                  <button type="button" onClick={() => void remove(override)} aria-label={`Delete override: ${who(override)} from ${formatInZone(override.start, zone)}`}>
                    Delete…
                  </button>
                </ForResponders>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
