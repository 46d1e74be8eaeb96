import { routeHref, useRoute, type Route } from '../../app/route';
import { useActiveDrills } from './queries';

const DRILL_SCREENS: readonly Route['screen'][] = ['drills', 'new-drill-scenario', 'edit-drill-scenario', 'drill-trends', 'drill-run'];

export const isDrillRoute = (route: Route): boolean => DRILL_SCREENS.includes(route.screen);

/** "Drills" in the top bar, with how many are running. */
export function DrillsNavLink() {
  const route = useRoute();
  const running = useActiveDrills().data?.length ?? 0;
  return (
    <a
      href={routeHref({ screen: 'drills' })}
      aria-current={isDrillRoute(route) ? 'page' : undefined}
      aria-label={running > 0 ? `Drills (${running} running)` : undefined}
      className="drills-nav-link"
    >
      Drills
      {running > 0 && (
        <span className="drill-nav-badge" aria-hidden="true">
          {running}
        </span>
      )}
    </a>
  );
}
