import { routeHref, useRoute, type Route } from '../../app/route';
import { NavLink } from '../../components/NavLink';
import { useActiveDrills } from './queries';

const DRILL_SCREENS: readonly Route['screen'][] = ['drills', 'new-drill-scenario', 'edit-drill-scenario', 'drill-trends', 'drill-run'];

export const isDrillRoute = (route: Route): boolean => DRILL_SCREENS.includes(route.screen);

/** "Drills" in the top bar, with how many are running. */
export function DrillsNavLink() {
  const route = useRoute();
  const running = useActiveDrills().data?.length ?? 0;
  return (
    <NavLink
      href={routeHref({ screen: 'drills' })}
      current={isDrillRoute(route)}
      name="Drills"
      className="drills-nav-link"
      count={running}
      badgeClassName="drill-nav-badge"
      counted={running > 0 ? `${running} running` : null}
    />
  );
}
