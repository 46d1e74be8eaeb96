/**
 * `npm run bench` (or `npm run bench -- --quick`): builds a realistic data set
 * from a seed, measures Holdfast through its real code paths beside what a
 * responder would otherwise use, prints the table and writes bench/results.json.
 * Options: --quick (a small data set), --no-web (skip the browser figures),
 * --keep (leave the data folder in place), --seed N.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../src/main/core/core';
import { loadDomains } from '../src/main/core/domains';
import { fixedClock } from '../src/main/core/clock';
import { loadCorpusModel } from './data/corpus-model';
import { api, seedIncidents } from './data/incidents';
import { generateRoster } from './data/roster';
import { generateRunbooks } from './data/runbooks';
import { table } from './figures';
import { measureAppends, measureBareAppends, measureIcal, measurePostmortem, measureWhoIsOnCall, measureYearOfShifts } from './measure/core-figures';
import { buildQueries } from './measure/queries';
import { measureSearch, summarizeSearch } from './measure/search';
import { measureSlos, sloFigures } from './measure/slos';
import { measureMarkdownRefusals } from './measure/markdown-bounds';
import { measureWeb } from './measure/web';
import { measureSync, syncFigures } from './measure/sync';
import { Random } from './random';
import { changeFigures, cliFigures, coreFigures, searchFigures, webFigures } from './report/figures-of';
import { measureCliStart } from './measure/cli-start';
import { measureChangeCheck, measureWhatChanged } from './measure/changes';
import { writeResults } from './report/results';
import { FULL, QUICK } from './scale';
import { median, timed } from './stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const unknown = argv.filter((arg, i) => !['--quick', '--no-web', '--keep', '--seed'].includes(arg) && argv[i - 1] !== '--seed');
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(' ')} (known: --quick, --no-web, --keep, --seed N)`);
  process.exit(2);
}
const scale = argv.includes('--quick') ? QUICK : FULL;
const seed = argv.includes('--seed') ? Number(argv[argv.indexOf('--seed') + 1]) : 20260101;
if (!Number.isInteger(seed)) {
  console.error('bench: --seed needs a whole number');
  process.exit(2);
}
const corpusDir = process.env.HOLDFAST_BENCH_CORPUS ?? path.resolve(repoRoot, '../shared/corpus/prometheus-operator-runbooks/content');
if (!fs.existsSync(corpusDir)) {
  // The data set is learnt from real runbooks: without them there is nothing to measure, so the run stops (never a partial table).
  console.error(`bench: no runbook corpus at ${corpusDir}: put ../shared/corpus beside this checkout, or point HOLDFAST_BENCH_CORPUS at a folder of Markdown runbooks`);
  process.exit(2);
}
const distName = process.env.HOLDFAST_DIST ?? 'dist';
const work = path.join(os.tmpdir(), `holdfast-bench-${scale.name}-${process.pid}`);
const dirs = { source: path.join(work, 'runbooks'), data: path.join(work, 'data'), exported: path.join(work, 'export') };
/** The data set's year; the core's clock is moved through it while incidents are written. */
const YEAR_START = new Date('2025-01-06T00:00:00Z');

const started = Date.now();
const step = async <T>(what: string, work: () => T | Promise<T>): Promise<T> => {
  process.stderr.write(`[bench] ${what}… `);
  const { ms, value } = await timed(work);
  process.stderr.write(`${(ms / 1000).toFixed(1)} s\n`);
  return value;
};

fs.mkdirSync(work, { recursive: true });
try {
  const random = new Random(seed);
  const model = await step(`reading the corpus at ${corpusDir}`, () => loadCorpusModel(corpusDir));
  const generated = await step(`writing ${scale.runbooks} runbooks`, () => generateRunbooks(model, scale.runbooks, dirs.source, random.fork('runbooks')));

  const clock = fixedClock(new Date(YEAR_START.getTime() + 30 * 86_400_000));
  await loadDomains(); // the bench drives the services directly, as the app does
  const core = openCore({ dataDir: dirs.data, assetsDir: path.join(repoRoot, 'assets'), clock, create: 'always' });
  core.prepareWorkspace({ demo: false });

  const imported = await step('importing them from the folder', () => timed(() => api(core, 'importRunbooks', { paths: [dirs.source] })));
  if (imported.value.imported !== scale.runbooks) throw new Error(`Import brought in ${imported.value.imported} of ${scale.runbooks} runbooks: ${JSON.stringify(imported.value.failed.slice(0, 3))}`);
  await step('exporting them to a folder for ripgrep', () => api(core, 'exportRunbooks', { dir: dirs.exported }));

  const refusals = await step('timing the refusal of 1 MB of pathological Markdown', () => measureMarkdownRefusals());
  const queries = buildQueries(generated, random.fork('queries'), scale.queries);
  const searchTimings = await step(`timing ${queries.length} searches (API, bare FTS5, ripgrep)`, () => measureSearch(core, queries, dirs.exported));
  const search = summarizeSearch(searchTimings);

  const roster = generateRoster(scale, generated.services, YEAR_START, path.join(work, 'roster.yaml'), random.fork('roster'));
  await step('importing the roster', () => api(core, 'importRoster', { path: roster.file }));
  const oncall = await step('timing who is on call, shifts and iCal', async () => ({
    whoIsOnCall: await measureWhoIsOnCall(core, YEAR_START, 20),
    shifts: await measureYearOfShifts(core, roster, YEAR_START, 10, random.fork('shifts')),
    ical: await measureIcal(core, roster, 10, random.fork('ical')),
  }));

  const withSteps = (await api(core, 'listRunbooks', {})).items.filter((item) => item.stepCount > 0).map((item) => item.id);
  core.store.pragma('synchronous = OFF'); // only while seeding: the figures below run with the app's FULL
  const incidents = await step(`writing ${scale.resolvedIncidents} resolved incidents and one open one through the API`, () =>
    seedIncidents(core, clock, { resolved: scale.resolvedIncidents, resolvedEvents: scale.resolvedEvents, openEvents: scale.openIncidentEvents - scale.appends }, {
      roster,
      runbookIds: withSteps,
      prose: model.prose,
      yearStart: YEAR_START,
      random: random.fork('incidents'),
    }),
  );
  core.store.pragma('synchronous = FULL');
  const noteTexts = searchTimings.map((t) => `Checked ${t.query.text.replaceAll('"', '')} again`);
  const appends = await step(`timing ${scale.appends} timeline appends`, () => measureAppends(core, incidents.openIncidentId, scale.appends, noteTexts));
  const bareAppends = measureBareAppends(work, scale.appends);
  const postmortem = await step('timing the post-mortem of the long incident', () => measurePostmortem(core, incidents.openIncidentId, scale.postmortemRuns));
  const timelineLength = (await api(core, 'getIncident', { id: incidents.openIncidentId })).eventCount;
  const slos = await step(`timing SLOs: ${scale.dataSlos} with 30 days of 1-minute data, ${scale.slos} listed`, () =>
    measureSlos(core, generated.services, path.join(work, 'slos'), random.fork('slos'), { slos: scale.slos, dataSlos: scale.dataSlos }),
  );
  const changes = await step('timing change checks and "what changed?"', async () => ({
    check: await measureChangeCheck(random.fork('change-check')),
    whatChanged: await measureWhatChanged(random.fork('what-changed')),
  }));
  const sync = await step('timing team sync: the first sync of the library, a no-op sync, two timelines merged', () => measureSync(core, work, 10_000));
  core.close();

  const web = argv.includes('--no-web')
    ? null
    : await step('timing the console in Chromium', () =>
        measureWeb({ repoRoot, distName, dataDir: dirs.data, queries: random.fork('web').shuffle(queries.filter((q) => q.class !== 'phrase')), keystrokes: scale.keystrokes, openIncidentId: incidents.openIncidentId }),
      );

  const cliStart = await step('timing the CLI start (holdfast oncall --json, empty store)', () => measureCliStart({ repoRoot, distName, workDir: work, runs: scale.cliStarts }));

  const figures = [
    ...coreFigures({ importSeconds: imported.ms / 1000, refusals, oncall, appends, bareAppends, postmortem }),
    ...changeFigures(changes),
    ...searchFigures(search),
    ...sloFigures(slos, scale.slos),
    ...syncFigures(sync, scale.runbooks, 10_000),
    ...(web ? webFigures(web) : []),
    ...cliFigures(cliStart),
  ];
  const load = os.loadavg()[1] ?? 0;
  if (load > os.cpus().length) console.log(`\nNote: the machine was busy with other work (5-minute load average ${load.toFixed(1)} on ${os.cpus().length} CPUs); the figures are inflated.`);
  console.log(`\nHoldfast benchmark (${scale.name}: ${scale.runbooks} runbooks, ${scale.people} people, ${scale.schedules} schedules, ${scale.resolvedIncidents} resolved incidents, open incident of ${timelineLength} events)\n`);
  console.log(table(figures));
  const file = writeResults(path.join(repoRoot, 'bench', 'results.json'), {
    repoRoot,
    scale,
    seed,
    figures,
    dataset: { corpus: model.summary, generated: generated.summary, folders: generated.folders, services: generated.services.length, incidentEvents: incidents.events, openIncidentEvents: timelineLength, medianShiftsPerYear: oncall.shifts.shifts },
    details: {
      search,
      queries: searchTimings.map((t) => ({ class: t.query.class, query: t.query.text, holdfastMs: t.holdfast, floorMs: t.floor, ripgrepMs: t.ripgrep, hits: t.hits, rgFiles: t.rgFiles })),
      appends: { synchronous: appends.synchronous, journal: appends.journal },
      postmortem: { generateMs: median(postmortem.generate), markdownMs: median(postmortem.markdown), htmlMs: median(postmortem.html), htmlBytes: postmortem.bytes },
      web,
      cliStartMs: cliStart,
    },
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`\nWritten to ${path.relative(process.cwd(), file)} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  if (argv.includes('--keep')) console.error(`[bench] data kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
