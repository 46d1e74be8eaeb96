import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../../src/renderer/app/route';

/** One of every screen, with the values a link to it carries. */
const EVERY_SCREEN: Route[] = [
  { screen: 'library' },
  { screen: 'runbook', id: 12 },
  { screen: 'runbook', id: 12, section: 'mitigation' },
  { screen: 'new-runbook' },
  { screen: 'edit-runbook', id: 12 },
  { screen: 'history', id: 12 },
  { screen: 'oncall' },
  { screen: 'schedule', name: 'Payments primary' },
  { screen: 'oncall-load' },
  { screen: 'incidents' },
  { screen: 'incident', id: 7 },
  { screen: 'postmortem', id: 7 },
  { screen: 'wall' },
  { screen: 'wall-incident', id: 7 },
  { screen: 'incident-history', tab: 'incidents' },
  { screen: 'incident-history', tab: 'action-items' },
  { screen: 'metrics' },
  { screen: 'slos' },
  { screen: 'slo', name: 'checkout-availability' },
  { screen: 'slo', name: 'payments/api|p99' },
  { screen: 'backups' },
  { screen: 'settings' },
  { screen: 'drills' },
  { screen: 'new-drill-scenario' },
  { screen: 'edit-drill-scenario', id: 3 },
  { screen: 'drill-trends', id: 3 },
  { screen: 'drill-run', id: 5 },
  { screen: 'changes' },
  { screen: 'change', id: 4 },
  { screen: 'change-calendar' },
];

describe('console addresses', () => {
  it('lead back to the same screen: every screen’s link opens that screen', () => {
    for (const route of EVERY_SCREEN) expect(parseRoute(routeHref(route)), routeHref(route)).toEqual(route);
    // Every kind of screen but "not found" is in the list above (a new one fails to compile here until it is).
    const screens = Object.keys({
      library: 1, runbook: 1, 'new-runbook': 1, 'edit-runbook': 1, history: 1, oncall: 1, schedule: 1, 'oncall-load': 1, incidents: 1, incident: 1,
      postmortem: 1, 'incident-history': 1, metrics: 1, slos: 1, slo: 1, backups: 1, settings: 1, drills: 1, 'new-drill-scenario': 1, 'edit-drill-scenario': 1,
      'drill-trends': 1, 'drill-run': 1, wall: 1, 'wall-incident': 1, changes: 1, change: 1, 'change-calendar': 1,
    } satisfies Record<Exclude<Route['screen'], 'not-found'>, 1>);
    expect(new Set(EVERY_SCREEN.map((route) => route.screen))).toEqual(new Set(screens));
  });

  it('are the ones people share and bookmark', () => {
    expect(routeHref({ screen: 'incident', id: 7 })).toBe('#/incidents/7');
    expect(routeHref({ screen: 'runbook', id: 12, section: 'mitigation' })).toBe('#/runbooks/12?section=mitigation');
    expect(routeHref({ screen: 'schedule', name: 'Payments primary' })).toBe('#/oncall/schedules/Payments%20primary');
    expect(parseRoute('#/incidents/7/postmortem')).toEqual({ screen: 'postmortem', id: 7 });
    expect(parseRoute('#/history/action-items')).toEqual({ screen: 'incident-history', tab: 'action-items' });
    // The wall display a TV opens: every open incident, or one.
    expect(parseRoute('#/wall')).toEqual({ screen: 'wall' });
    expect(parseRoute('#/wall/7')).toEqual({ screen: 'wall-incident', id: 7 });
    expect(parseRoute('#/wall/0')).toEqual({ screen: 'not-found', path: '/wall/0' });
    expect(parseRoute('#/changes/4')).toEqual({ screen: 'change', id: 4 });
    expect(parseRoute('#/changes/calendar')).toEqual({ screen: 'change-calendar' });
  });

  it('open the library when there is no fragment, or only the root', () => {
    for (const hash of ['', '#', '#/', '#/runbooks']) expect(parseRoute(hash), hash).toEqual({ screen: 'library' });
  });

  it('keep names and sections with any characters through a link', () => {
    for (const name of ['SRE / EU', 'Zürich on-call', '50% cover', 'a?b#c', 'with%2Fslash']) {
      const route: Route = { screen: 'schedule', name };
      expect(parseRoute(routeHref(route)), name).toEqual(route);
    }
    for (const section of ['step-3', 'über & co', 'a=b&c', '#x']) {
      const route: Route = { screen: 'runbook', id: 1, section };
      expect(parseRoute(routeHref(route)), section).toEqual(route);
    }
  });

  it('show "not found" for an address that names no screen, keeping what was typed', () => {
    for (const hash of ['#/nope', '#/runbooks/abc', '#/runbooks/12/delete', '#/incidents/-1', '#/incidents/1.5', '#/drills/scenarios/3', '#/oncall/schedules/', '#runbooks']) {
      const route = parseRoute(hash);
      expect(route, hash).toEqual({ screen: 'not-found', path: hash.slice(1) });
      // Its own link is the address as typed, so Back and Reload stay on it.
      expect(routeHref(route)).toBe(hash);
    }
  });

  it('show "not found" for a schedule link whose escapes are broken, instead of failing', () => {
    expect(parseRoute('#/oncall/schedules/%E0%A4%A')).toEqual({ screen: 'not-found', path: '/oncall/schedules/%E0%A4%A' });
  });

  it('show "not found" for a number no record can have, instead of asking the store for it', () => {
    for (const hash of ['#/runbooks/99999999999999999999', '#/incidents/0', '#/drills/runs/9007199254740993']) {
      expect(parseRoute(hash).screen, hash).toBe('not-found');
    }
    expect(parseRoute('#/incidents/9007199254740991')).toEqual({ screen: 'incident', id: 9007199254740991 });
  });

  it('ignore an empty or unknown query, and take the section from a runbook link only', () => {
    expect(parseRoute('#/runbooks/4?section=')).toEqual({ screen: 'runbook', id: 4 });
    expect(parseRoute('#/runbooks/4?utm=x')).toEqual({ screen: 'runbook', id: 4 });
    expect(parseRoute('#/incidents/4?section=x')).toEqual({ screen: 'incident', id: 4 });
  });
});
