import { useSyncExternalStore } from 'react';

/** The console's screens, addressed by the URL fragment so Back works and links can be shared on one machine. */
export type Route =
  | { screen: 'library' }
  /** `section` is a heading's anchor (`RunbookSection.id`) to scroll to. */
  | { screen: 'runbook'; id: number; section?: string | undefined }
  | { screen: 'new-runbook' }
  | { screen: 'edit-runbook'; id: number }
  | { screen: 'history'; id: number }
  /** The Now board: who is on call per team. */
  | { screen: 'oncall' }
  | { screen: 'schedule'; name: string }
  | { screen: 'oncall-load' }
  /** Open incidents first, resolved ones below. */
  | { screen: 'incidents' }
  /** The incident screen a responder lives in for the length of an outage. */
  | { screen: 'incident'; id: number }
  /** The post-mortem of an incident: its draft, edited section by section, its action items and exports. */
  | { screen: 'postmortem'; id: number }
  /** The wall display: every open incident tiled, large enough to read across a room, nothing to edit. */
  | { screen: 'wall' }
  /** The wall display of one incident. */
  | { screen: 'wall-incident'; id: number }
  /** Past incidents searched and filtered, and action items across incidents. */
  | { screen: 'incident-history'; tab: 'incidents' | 'action-items' }
  /** Incidents per week, MTTA and MTTR (drills excluded). */
  | { screen: 'metrics' }
  /** Service level objectives, the least error budget left first. */
  | { screen: 'slos' }
  /** One SLO: its budget, burn-down and burn rates. */
  | { screen: 'slo'; name: string }
  /** Where the data lives, its backups, and the break-glass file. */
  | { screen: 'backups' }
  /** Your name on the timeline, severity levels, status update templates. */
  /** `section: 'git'`: the path to git (where the sync indicator's "git not found" points). */
  | { screen: 'settings'; section?: 'git' }
  /** Drill scenarios, the wheel of misfortune and the drills running now. */
  | { screen: 'drills' }
  | { screen: 'new-drill-scenario' }
  | { screen: 'edit-drill-scenario'; id: number }
  /** One scenario's past runs side by side. */
  | { screen: 'drill-trends'; id: number }
  /** A drill run: the facilitator's console while it runs, its scorecard once stopped. */
  | { screen: 'drill-run'; id: number }
  /** Changes: the list, planning one, freeze and peak windows. */
  | { screen: 'changes' }
  /** One change walked tier by tier with its verdicts and log. */
  | { screen: 'change'; id: number }
  /** The month of planned changes and windows, conflicts flagged. */
  | { screen: 'change-calendar' }
  | { screen: 'not-found'; path: string };

/**
 * The record id an address names (its first group): a whole number from 1 that
 * the store can hold, or null, so `#/incidents/0` or twenty digits open "not found"
 * rather than a screen that asks for a record no store has.
 */
function recordId(match: RegExpExecArray | null): number | null {
  const id = Number(match?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = full.split('?', 2);
  if (path === '/' || path === '/runbooks') return { screen: 'library' };
  if (path === '/runbooks/new') return { screen: 'new-runbook' };
  if (path === '/oncall') return { screen: 'oncall' };
  if (path === '/oncall/load') return { screen: 'oncall-load' };
  const schedule = /^\/oncall\/schedules\/(.+)$/.exec(path);
  if (schedule?.[1]) {
    try {
      return { screen: 'schedule', name: decodeURIComponent(schedule[1]) };
    } catch {
      return { screen: 'not-found', path: full };
    }
  }
  if (path === '/incidents') return { screen: 'incidents' };
  const incident = recordId(/^\/incidents\/(\d+)$/.exec(path));
  if (incident) return { screen: 'incident', id: incident };
  const postmortem = recordId(/^\/incidents\/(\d+)\/postmortem$/.exec(path));
  if (postmortem) return { screen: 'postmortem', id: postmortem };
  if (path === '/wall') return { screen: 'wall' };
  const wall = recordId(/^\/wall\/(\d+)$/.exec(path));
  if (wall) return { screen: 'wall-incident', id: wall };
  if (path === '/changes') return { screen: 'changes' };
  if (path === '/changes/calendar') return { screen: 'change-calendar' };
  const change = recordId(/^\/changes\/(\d+)$/.exec(path));
  if (change) return { screen: 'change', id: change };
  if (path === '/history') return { screen: 'incident-history', tab: 'incidents' };
  if (path === '/history/action-items') return { screen: 'incident-history', tab: 'action-items' };
  if (path === '/metrics') return { screen: 'metrics' };
  if (path === '/slos') return { screen: 'slos' };
  const slo = /^\/slos\/(.+)$/.exec(path);
  if (slo?.[1]) {
    try {
      return { screen: 'slo', name: decodeURIComponent(slo[1]) };
    } catch {
      return { screen: 'not-found', path: full };
    }
  }
  if (path === '/backups') return { screen: 'backups' };
  if (path === '/settings') return new URLSearchParams(query).get('section') === 'git' ? { screen: 'settings', section: 'git' } : { screen: 'settings' };
  if (path === '/drills') return { screen: 'drills' };
  if (path === '/drills/new') return { screen: 'new-drill-scenario' };
  const scenario = /^\/drills\/scenarios\/(\d+)\/(edit|trends)$/.exec(path);
  const scenarioId = recordId(scenario);
  if (scenarioId) return { screen: scenario?.[2] === 'edit' ? 'edit-drill-scenario' : 'drill-trends', id: scenarioId };
  const drillRun = recordId(/^\/drills\/runs\/(\d+)$/.exec(path));
  if (drillRun) return { screen: 'drill-run', id: drillRun };
  const match = /^\/runbooks\/(\d+)(?:\/(edit|history))?$/.exec(path);
  const id = recordId(match);
  if (id) {
    if (match?.[2] === 'edit') return { screen: 'edit-runbook', id };
    if (match?.[2] === 'history') return { screen: 'history', id };
    const section = new URLSearchParams(query).get('section');
    return section ? { screen: 'runbook', id, section } : { screen: 'runbook', id };
  }
  return { screen: 'not-found', path: full };
}

export const routeHref = (route: Route): string => {
  switch (route.screen) {
    case 'library':
      return '#/runbooks';
    case 'runbook':
      return route.section
        ? `#/runbooks/${route.id}?${new URLSearchParams({ section: route.section }).toString()}`
        : `#/runbooks/${route.id}`;
    case 'new-runbook':
      return '#/runbooks/new';
    case 'edit-runbook':
      return `#/runbooks/${route.id}/edit`;
    case 'history':
      return `#/runbooks/${route.id}/history`;
    case 'oncall':
      return '#/oncall';
    case 'schedule':
      return `#/oncall/schedules/${encodeURIComponent(route.name)}`;
    case 'oncall-load':
      return '#/oncall/load';
    case 'incidents':
      return '#/incidents';
    case 'incident':
      return `#/incidents/${route.id}`;
    case 'postmortem':
      return `#/incidents/${route.id}/postmortem`;
    case 'wall':
      return '#/wall';
    case 'wall-incident':
      return `#/wall/${route.id}`;
    case 'incident-history':
      return route.tab === 'action-items' ? '#/history/action-items' : '#/history';
    case 'metrics':
      return '#/metrics';
    case 'slos':
      return '#/slos';
    case 'slo':
      return `#/slos/${encodeURIComponent(route.name)}`;
    case 'backups':
      return '#/backups';
    case 'settings':
      return route.section ? `#/settings?section=${route.section}` : '#/settings';
    case 'drills':
      return '#/drills';
    case 'new-drill-scenario':
      return '#/drills/new';
    case 'edit-drill-scenario':
      return `#/drills/scenarios/${route.id}/edit`;
    case 'drill-trends':
      return `#/drills/scenarios/${route.id}/trends`;
    case 'drill-run':
      return `#/drills/runs/${route.id}`;
    case 'changes':
      return '#/changes';
    case 'change':
      return `#/changes/${route.id}`;
    case 'change-calendar':
      return '#/changes/calendar';
    case 'not-found':
      return `#${route.path}`;
  }
};

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route; components re-render when the fragment changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
