import { useEffect } from 'react';
import { navigate, routeHref, type Route } from '../../app/route';
import { KEYS } from '../../app/keymap';
import { useKeyShortcut } from '../../app/shortcuts';
import { systemZone, zonedParts } from '../../../shared/zoned-time';
import { drillTitle } from '../drills/DrillTag';
import { useNow } from '../../components/clock';
import { useIncidentWall, useOpenWall, type WallData } from './queries';
import { wallLayout } from './wall';
import { WallTile } from './WallTile';
import './wall.css';

type WallRoute = Extract<Route, { screen: 'wall' | 'wall-incident' }>;

/** Where Esc (or "Leave") goes: the incident, or the list of incidents. */
const leaveTo = (route: WallRoute): Route => (route.screen === 'wall-incident' ? { screen: 'incident', id: route.id } : { screen: 'incidents' });

/**
 * The wall display (`#/wall`, `#/wall/:id`): for a TV across the room. Every open
 * incident tiled (or one), in type read from four metres, with no control that
 * changes anything and nothing to scroll. Esc leaves it.
 */
export function WallScreen({ route }: { route: WallRoute }) {
  useKeyShortcut(KEYS.leaveWall, () => navigate(leaveTo(route)));
  useEffect(() => {
    document.documentElement.classList.add('wall-mode');
    return () => document.documentElement.classList.remove('wall-mode');
  }, []);
  return route.screen === 'wall-incident' ? <OneIncident route={route} id={route.id} /> : <AllOpen route={route} />;
}

function AllOpen({ route }: { route: WallRoute }) {
  return <Wall route={route} data={useOpenWall()} heading="Open incidents" />;
}

function OneIncident({ route, id }: { route: WallRoute; id: number }) {
  return <Wall route={route} data={useIncidentWall(id)} heading={`Incident #${id}`} />;
}

function Wall({ route, data, heading }: { route: WallRoute; data: WallData; heading: string }) {
  const now = useNow();
  const layout = wallLayout(data.incidents);
  const clock = zonedParts(now, systemZone());
  return (
    <div className="wall" data-testid="wall" data-tiles={layout.tiles.length} data-dense={layout.rows > 1 || undefined} data-columns={layout.columns}>
      <header className="wall-bar">
        <h1 className="wall-heading">
          {heading}
          {route.screen === 'wall' && data.incidents.length > 0 && <span className="wall-count"> ({data.incidents.length})</span>}
        </h1>
        {clock && (
          <span className="wall-clock" aria-label="Time now">
            {clock.time} <span className="wall-label">{clock.zoneName}</span>
          </span>
        )}
        <a className="wall-leave" href={routeHref(leaveTo(route))} aria-keyshortcuts="Escape">
          Leave <kbd>Esc</kbd>
        </a>
      </header>
      <main className="wall-grid" style={layout.tiles.length > 0 ? { gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))` } : undefined}>
        {data.problem ? (
          <p className="wall-empty" role="alert">
            {data.problem}
          </p>
        ) : data.loading ? (
          <p className="wall-empty">Loading…</p>
        ) : layout.tiles.length === 0 ? (
          <p className="wall-empty">No open incidents.</p>
        ) : (
          layout.tiles.map((incident) => (
            <WallTile key={incident.id} incident={incident} timeline={data.timelines.get(incident.id)} now={now} notes={layout.notes} runbooks={layout.runbooks} />
          ))
        )}
      </main>
      {layout.more.length > 0 && (
        <p className="wall-more">
          Also open:{' '}
          {layout.more.map((incident, index) => (
            <span key={incident.id}>
              {index > 0 && ' · '}
              {incident.severity} {drillTitle(incident)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
