import path from 'node:path';
import type { OnCallEntry, Person, Shift, Team } from '../../shared/rosters';
import type { OpContext } from '../operations/context';
import { APP_VERSION } from '../core/version';
import { markdownToSafeHtml } from '../html/markdown';

/** How far ahead the break-glass file lists each schedule's shifts. */
export const SCHEDULE_DAYS = 30;

export interface BreakGlassRunbook {
  uid: string;
  title: string;
  summary: string;
  services: string[];
  tags: string[];
  owner: string;
  group: string | null;
  /** The body as sanitized HTML, its images inlined. */
  html: string;
}

export interface BreakGlassSchedule {
  name: string;
  timeZone: string;
  now: OnCallEntry | null;
  /** The final shifts (overrides applied) from now for SCHEDULE_DAYS days. */
  shifts: Shift[];
}

export interface BreakGlassEscalation {
  policy: string;
  repeat: number;
  levels: { level: number; waitMinutes: number; people: (Person & { via: string })[] }[];
}

export interface BreakGlassTeam {
  team: Team;
  schedules: BreakGlassSchedule[];
  escalation: BreakGlassEscalation | null;
}

/** Everything the break-glass file shows, read from the store at one instant. */
export interface BreakGlassData {
  generatedAt: string;
  /** The workspace's zone, for the "as of" line. */
  timeZone: string;
  appVersion: string;
  databaseFile: string;
  runbooks: BreakGlassRunbook[];
  teams: BreakGlassTeam[];
  people: Person[];
}

/** Reads every active runbook and the roster's next SCHEDULE_DAYS days as they stand now. */
export function collectBreakGlass(core: OpContext): BreakGlassData {
  const now = core.clock.now();
  const from = now.toISOString();
  const to = new Date(now.getTime() + SCHEDULE_DAYS * 86_400_000).toISOString();
  const roster = core.rosters.roster();
  const boards = core.rosters.nowBoard(from);
  const teams = boards.map((board): BreakGlassTeam => ({
    team: board.team,
    schedules: roster.schedules
      .filter((schedule) => schedule.team === board.team.name)
      .map((schedule) => ({
        name: schedule.name,
        timeZone: schedule.timeZone,
        now: board.onCall.find((entry) => entry.schedule === schedule.name) ?? null,
        // A schedule the store holds a bad value for has no shifts to list; its `now` says what is wrong.
        shifts: schedule.problem === undefined ? core.rosters.timeline({ schedule: schedule.id, from, to }).final : [],
      })),
    escalation: board.escalation ? { policy: board.escalation.policy, repeat: board.escalation.repeat, levels: board.escalation.steps } : null,
  }));
  const summaries = core.runbooks.repo.list({}, core.runbooks.today());
  const runbooks = summaries.map((summary): BreakGlassRunbook => {
    const runbook = core.runbooks.get(summary.id);
    const images = new Map(core.runbooks.files.assetsOf(runbook.id).map((asset) => [asset.path, `data:${asset.mime};base64,${asset.data.toString('base64')}`]));
    return {
      uid: runbook.uid,
      title: runbook.title,
      summary: runbook.summary,
      services: runbook.services,
      tags: runbook.tags,
      owner: runbook.metadata.owner,
      group: runbook.group,
      // Under the page's h1 and each runbook's h2 title.
      html: markdownToSafeHtml(runbook.body, { image: (src) => images.get(assetPath(src)) ?? null, headingOffset: 2 }),
    };
  });
  return {
    generatedAt: from,
    timeZone: core.settings.timeZone(),
    appVersion: APP_VERSION,
    databaseFile: core.databaseFile,
    runbooks,
    teams,
    people: roster.people,
  };
}

/** The stored path of an image the body names: relative, decoded, without `./`. */
function assetPath(src: string): string {
  let decoded = src;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    // keep it as written
  }
  return path.posix.normalize(decoded).replace(/^\.\//, '');
}
