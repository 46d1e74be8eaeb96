import type { Schedule } from '../../../shared/rosters';
import { routeHref } from '../../app/route';
import { useRoster } from './queries';

const NONE: Schedule[] = [];

/** Between the on-call screens: the Now board, the load report and each schedule. */
export function OnCallNav({ current }: { current: { screen: 'oncall' | 'oncall-load' } | { screen: 'schedule'; name: string } }) {
  const schedules = useRoster().data?.schedules ?? NONE;
  const here = (screen: string, name?: string) =>
    current.screen === screen && (name === undefined || (current.screen === 'schedule' && current.name === name)) ? 'page' : undefined;
  return (
    <nav className="oc-nav" aria-label="On call">
      <a href={routeHref({ screen: 'oncall' })} aria-current={here('oncall')}>
        Now board
      </a>
      <a href={routeHref({ screen: 'oncall-load' })} aria-current={here('oncall-load')}>
        Load report
      </a>
      {schedules.length > 0 && (
        <>
          <span className="oc-nav-heading" aria-hidden="true">
            Schedules
          </span>
          <ul className="oc-nav-schedules" aria-label="Schedules">
            {schedules.map((schedule) => (
              <li key={schedule.id}>
                <a href={routeHref({ screen: 'schedule', name: schedule.name })} aria-current={here('schedule', schedule.name)}>
                  {schedule.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
