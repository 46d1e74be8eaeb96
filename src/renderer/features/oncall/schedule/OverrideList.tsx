import type { Override, Schedule } from '../../../../shared/rosters';
import { ask } from '../../../components/confirm';
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
  const remove = async (override: Override) => {
    const who = names.get(override.person) ?? override.person;
    const yes = await ask({
      title: 'Delete this override?',
      body: (
        <p>
          {who} would no longer cover {schedule.name} from {formatInZone(override.start, zone)} to {formatInZone(override.end, zone)}{' '}
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
        <table className="oc-data-table">
          <thead>
            <tr>
              <th scope="col">Who covers</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((override) => {
              const ended = Date.parse(override.end) <= now;
              return (
                <tr key={override.id} className={ended ? 'oc-override-ended' : undefined}>
                  <th scope="row">
                    {names.get(override.person) ?? override.person}
                    {ended && <span className="mark-archived">ended</span>}
                  </th>
                  <td>
                    <ZonedTime iso={override.start} zone={zone} year stacked />
                  </td>
                  <td>
                    <ZonedTime iso={override.end} zone={zone} year stacked />
                  </td>
                  <td>{override.note}</td>
                  <td>
                    <ForResponders>
                      <button type="button" onClick={() => void remove(override)} aria-label={`Delete override: ${names.get(override.person) ?? override.person} from ${formatInZone(override.start, zone)}`}>
                        Delete…
                      </button>
                    </ForResponders>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
