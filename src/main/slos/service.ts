import {
  type BudgetPolicy,
  type IncidentSloBudget,
  type SloBudgetStatus,
  type SloChart,
  type SloDataImportResult,
  type SloDetail,
  type SloExclusion,
  type SloImportPreview,
  type SloImportReport,
  type SloListItem,
} from '../../shared/slos';
import type { Clock } from '../core/clock';
import { HoldfastError } from '../errors';
import type { IncidentService } from '../incidents/service';
import type { Store } from '../store/open';
import { writeTransaction } from '../store/transaction';
import { statusOf } from './budget';
import { burnDown, burnDownInstants } from './burndown';
import type { SloDefinition } from './definition';
import { evaluateSlo, listItem, sloDetail, sortByRemaining, spanToLoad, type EvaluatedSlo } from './evaluate';
import { exportFiles, writeSloExport } from './export';
import { defineSlo, readSloImport, readSloSources, type KnownSloObjects, type SloImport, type SloSource } from './import';
import { affects, impactOf, type SloIncident } from './incidents';
import { KIND_SCHEMAS, type SliSpec } from './openslo-schema';
import { readSloYaml, type SloObject } from './openslo-read';
import { minEventsOf, policyFor, whatIfOutage } from './policy';
import { incidentBudgetUse } from './postmortem';
import { SloRepo, type StoredSloObject } from './repo';
import { readSliFiles, readSliTexts, type SliText } from './sli-data';
import { windowAt, type TimeRange } from './window';
import { HOUR, planRead, rollupBasis } from './rollup';

/**
 * The SLO domain's service: imports and exports OpenSLO objects, imports SLI
 * data and exclusions, and answers each SLO's budget at an instant from its
 * data or from the incidents (which it asks the incident service for). The
 * change rules ask `budgetStatuses(service)`; post-mortems `errorBudgetMarkdown`.
 */

export interface SloContext {
  clock: Clock;
  incidents: IncidentService;
  /** Who is recorded as adding an exclusion when the caller names nobody. */
  author: () => string;
}

/** A stored SLO as Holdfast computes with it. */
interface LoadedSlo {
  id: number;
  definition: SloDefinition;
  policy: BudgetPolicy;
  minEvents: number;
}

const MINUTE = 60_000;

export class SloService {
  readonly repo: SloRepo;
  /** Parsed objects by text hash, and definitions by SLO hash and SLI hash: stored texts never change under a hash. */
  private readonly parsed = new Map<string, SloObject>();
  private readonly definitions = new Map<string, LoadedSlo>();

  constructor(
    readonly db: Store,
    private readonly context: SloContext,
  ) {
    this.repo = new SloRepo(db);
  }

  private now(): number {
    return this.context.clock.now().getTime();
  }

  // ——— Definitions ———

  importPaths(paths: string[]): SloImportReport {
    return this.store(readSloImport(paths, this.known()));
  }

  importTexts(files: readonly SloSource[]): SloImportReport {
    return this.store(readSloSources(files, this.known()));
  }

  /** What importing these files would do, storing nothing: the console shows it before the import. */
  preview(files: readonly SloSource[]): SloImportPreview {
    const read = readSloSources(files, this.known());
    return { ...read.report, objects: read.objects.map((object) => ({ path: object.path, kind: object.kind, name: object.name, change: object.change })) };
  }

  /** The files an export writes, by path relative to its folder. */
  exportFiles(): { relativePath: string; text: string }[] {
    return exportFiles(this.repo.objects());
  }

  export(dir: string): { dir: string; files: number } {
    return writeSloExport(dir, this.repo.objects());
  }

  private store(read: SloImport): SloImportReport {
    const now = this.context.clock.now();
    writeTransaction(this.db, () => {
      for (const object of read.objects) {
        if (object.change === 'unchanged') continue;
        this.repo.putObject({ kind: object.kind, name: object.name, text: object.text, hash: object.hash, sourcePath: object.path }, now);
      }
    });
    return read.report;
  }

  private known(): KnownSloObjects {
    return { hashOf: (kind, name) => this.repo.object(kind, name)?.hash, sli: (name) => this.storedSli(name) };
  }

  private objectOf(stored: StoredSloObject): SloObject {
    let object = this.parsed.get(stored.hash);
    if (!object) {
      const [read] = readSloYaml(stored.text).objects;
      if (!read) throw new HoldfastError('INTERNAL', `The stored ${stored.kind} "${stored.name}" has no object in its text.`);
      object = read;
      this.parsed.set(stored.hash, object);
    }
    return object;
  }

  private storedSli(name: string): SliSpec | undefined {
    const stored = this.repo.object('SLI', name);
    return stored ? KIND_SCHEMAS.SLI.parse(this.objectOf(stored).value).spec : undefined;
  }

  /** Every stored SLO, with its policy (its Service's annotations, then its own). */
  private loadAll(): LoadedSlo[] {
    const objects = this.repo.objects();
    const annotationsOf = (object: SloObject): Record<string, string> => (object.value.metadata as { annotations?: Record<string, string> }).annotations ?? {};
    const services = new Map<string, StoredSloObject>();
    const slis = new Map<string, StoredSloObject>();
    for (const object of objects) {
      if (object.kind === 'Service') services.set(object.name, object);
      if (object.kind === 'SLI') slis.set(object.name, object);
    }
    const loaded: LoadedSlo[] = [];
    for (const stored of objects) {
      if (stored.kind !== 'SLO') continue;
      const object = this.objectOf(stored);
      const ref = (object.value.spec as { indicatorRef?: string }).indicatorRef;
      const sli = ref === undefined ? undefined : slis.get(ref);
      const service = services.get(String((object.value.spec as { service?: unknown }).service));
      const key = [stored.hash, sli?.hash ?? '', service?.hash ?? ''].join('\u0000');
      let slo = this.definitions.get(key);
      if (!slo) {
        const definition = defineSlo(object, new Map(), { hashOf: () => undefined, sli: (name) => (name === ref && sli ? KIND_SCHEMAS.SLI.parse(this.objectOf(sli).value).spec : undefined) });
        const serviceAnnotations = service ? annotationsOf(this.objectOf(service)) : {};
        slo = { id: stored.id, definition, policy: policyFor(serviceAnnotations, definition.annotations), minEvents: minEventsOf(definition.annotations) };
        this.definitions.set(key, slo);
      }
      loaded.push(slo);
    }
    return loaded;
  }

  private named(name: string): LoadedSlo {
    const all = this.loadAll();
    const found = all.find((slo) => slo.definition.name === name);
    if (found) return found;
    const names = all.map((slo) => slo.definition.name);
    throw new HoldfastError(
      'NOT_FOUND',
      names.length === 0
        ? `No SLO named "${name}": none is imported yet. Import OpenSLO files first (holdfast slo import PATH).`
        : `No SLO named "${name}". SLOs: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.`,
      'name',
    );
  }

  // ——— Budgets ———

  private instant(at: string | undefined): number {
    return at === undefined ? this.now() : Date.parse(at);
  }

  /** The incidents whose impact may reach into what these SLOs read at `at` (none when no SLO needs them). */
  private incidentsFor(slos: readonly LoadedSlo[], at: number): SloIncident[] {
    if (slos.length === 0) return [];
    const since = Math.min(...slos.map((slo) => spanToLoad(slo.definition, at).start));
    return this.context.incidents.impacts(new Date(since));
  }

  /**
   * One SLO at `at`. A data SLO's whole hours come from their roll-ups when the
   * caller names every instant it will sum the series to (`cuts`, besides the
   * window's start and `at`: the list and the chart, which ask no burn rate);
   * without `cuts` (burn rates, sums at any instant: incidents, post-mortems)
   * every bucket is read.
   */
  private evaluate(slo: LoadedSlo, at: number, incidents: readonly SloIncident[], cuts?: readonly number[]): EvaluatedSlo {
    const { definition } = slo;
    const span = spanToLoad(definition, at);
    const exclusions = this.repo.exclusions(slo.id, span);
    if (definition.source !== 'data') return evaluateSlo({ definition, buckets: [], incidents, exclusions }, at);
    const basis = cuts ? rollupBasis(definition) : null;
    if (basis === null) return evaluateSlo({ definition, buckets: this.repo.buckets(slo.id, span), incidents, exclusions }, at);
    const window = windowAt(definition.window, at);
    const instants = [window.start, Math.min(window.end, at), ...(cuts ?? [])];
    const plan = planRead(span, this.repo.hours(slo.id, basis, span), instants, exclusions);
    const buckets = plan.raw.flatMap((range) => this.repo.buckets(slo.id, range));
    return evaluateSlo({ definition, buckets, judged: plan.hours, incidents, exclusions }, at);
  }

  /** `slo list`: every SLO's budget at `at` (default now), the least left first. */
  list(at?: string): SloListItem[] {
    const time = this.instant(at);
    const slos = this.loadAll();
    const incidents = this.incidentsFor(slos, time);
    return sortByRemaining(slos.map((slo) => listItem(this.evaluate(slo, time, incidents, []), slo.policy)));
  }

  /** `slo show`: one SLO with its SLI, burn rates and the incidents in its window. */
  show(name: string, at?: string): SloDetail {
    const time = this.instant(at);
    const slo = this.named(name);
    const incidents = this.incidentsFor([slo], time);
    return sloDetail(this.evaluate(slo, time, incidents), incidents, slo.policy, slo.minEvents);
  }

  /** What the SLO page draws: the burn-down with the policy's thresholds, incidents, exclusions and a "what if". */
  chart(name: string, at?: string, whatIfMinutes?: number): SloChart {
    const time = this.instant(at);
    const slo = this.named(name);
    const incidents = this.incidentsFor([slo], time);
    const step = chartStep(windowAt(slo.definition.window, time));
    const evaluated = this.evaluate(slo, time, incidents, burnDownInstants(windowAt(slo.definition.window, time), time, step));
    const { window } = evaluated;
    const iso = (ms: number) => new Date(ms).toISOString();
    const inWindow = (range: TimeRange) => range.end > window.start && range.start < Math.min(window.end, time);
    const whatIf = whatIfMinutes === undefined ? null : whatIfOutage(evaluated.measure, whatIfMinutes);
    return {
      name: slo.definition.name,
      window: { from: iso(window.start), to: iso(window.end) },
      points: burnDown(evaluated, step),
      policy: { warnBelow: slo.policy.warnBelow, blockBelow: slo.policy.blockBelow },
      incidents: incidents.flatMap((incident) => {
        const impact = affects(incident, slo.definition.service) ? impactOf(incident, time) : null;
        return impact && inWindow(impact) ? [{ id: incident.id, title: incident.title, from: iso(impact.start), to: iso(impact.end), fraction: impact.fraction }] : [];
      }),
      exclusions: this.repo.exclusions(slo.id, window).map(toExclusion),
      whatIf:
        whatIf === null || whatIfMinutes === undefined
          ? null
          : { minutes: whatIfMinutes, status: statusOf(whatIf.measure, slo.policy), budget: whatIf.budget, budgetMinutes: whatIf.budgetMinutes },
    };
  }

  /**
   * The budgets of a service's SLOs at `at` (default now), for the change rule
   * `peak-windows` (src/main/changes: its `budgets` source). A service without
   * SLOs answers an empty list; an SLO without data `no-data`, remaining null.
   */
  budgetStatuses(service: string, at?: Date): SloBudgetStatus[] {
    const time = at?.getTime() ?? this.now();
    const wanted = service.trim().toLowerCase();
    const slos = this.loadAll().filter((slo) => slo.definition.service.trim().toLowerCase() === wanted);
    const incidents = this.incidentsFor(slos, time);
    return slos.map((slo) => {
      const item = listItem(this.evaluate(slo, time, incidents, []), slo.policy);
      return { slo: item.name, status: item.status, remaining: item.budget.remaining };
    });
  }

  /** The SLOs of an incident's services: each one's budget now, and how much of it this incident used. */
  incidentBudgets(incidentId: number): IncidentSloBudget[] {
    const incident = this.context.incidents.get(incidentId);
    const record: SloIncident = incident;
    const now = this.now();
    const slos = this.loadAll().filter((slo) => affects({ ...record, drill: false }, slo.definition.service));
    if (slos.length === 0) return [];
    const incidents = this.incidentsFor(slos, now);
    const impact = impactOf(record, now);
    // The budget an incident used is the budget of the window it was spent in: the one ending with its impact.
    const spentAt = impact?.end ?? now;
    const spentIn = spentAt === now ? incidents : this.incidentsFor(slos, spentAt);
    return sortByRemaining(slos.map((slo) => listItem(this.evaluate(slo, now, incidents), slo.policy))).map((item) => {
      const slo = slos.find((candidate) => candidate.definition.name === item.name) as LoadedSlo;
      const [use] = incidentBudgetUse(record, [this.evaluate(slo, spentAt, spentIn)]);
      return { ...item, badMinutes: use?.badMinutes ?? null, consumedByIncident: use?.fraction ?? null };
    });
  }

  /** "Error budget consumed" in a post-mortem: per SLO, the minutes and the share of the window's budget this incident used. */
  errorBudgetMarkdown(incidentId: number): string {
    const budgets = this.incidentBudgets(incidentId);
    if (budgets.length === 0) return '_No SLO covers the affected services._';
    return budgets
      .map((slo) => {
        const share = slo.consumedByIncident === null ? 'no budget figure (no data in its window)' : `${formatPercent(slo.consumedByIncident)} of its ${slo.window} budget`;
        const minutes = slo.badMinutes === null ? '' : `${formatNumber(slo.badMinutes)} bad minutes, `;
        return `- **${slo.name}** (${slo.service}, ${formatPercent(slo.target)}): ${minutes}${share}`;
      })
      .join('\n');
  }

  // ——— SLI data and exclusions ———

  /** `slo data import NAME FILE [--total FILE]`: a CSV, or a Prometheus range answer (with its total answer when FILE holds events). */
  importData(name: string, file: string, total?: string): SloDataImportResult {
    const slo = this.dataSlo(name);
    const { buckets, hash } = readSliFiles(slo.definition, file, total);
    return this.repo.importBuckets(slo.id, buckets, hash, this.context.clock.now(), slo.definition);
  }

  importDataText(name: string, file: SliText, total?: SliText): SloDataImportResult {
    const slo = this.dataSlo(name);
    const { buckets, hash } = readSliTexts(slo.definition, file, total);
    return this.repo.importBuckets(slo.id, buckets, hash, this.context.clock.now(), slo.definition);
  }

  /** The SLO named, refused when its SLI is the incidents (it takes no data file). */
  private dataSlo(name: string): LoadedSlo {
    const slo = this.named(name);
    if (slo.definition.source === 'incidents') {
      throw new HoldfastError('VALIDATION', `SLO "${name}" counts the incidents on ${slo.definition.service} (metricSource Holdfast, source incidents); it takes no data file.`, 'name');
    }
    return slo;
  }

  /** `slo exclude`: a maintenance window or data gap, out of both sides of the SLO's ratio. */
  exclude(input: { name: string; from: string; to: string; reason: string; actor?: string | undefined }): SloExclusion {
    const slo = this.named(input.name);
    const stored = this.repo.addExclusion(
      slo.id,
      { start: Date.parse(input.from), end: Date.parse(input.to), reason: input.reason, createdBy: input.actor ?? this.context.author() },
      this.context.clock.now(),
    );
    return toExclusion(stored);
  }

  /** Every exclusion of an SLO, the latest first, those before its window too. */
  exclusions(name: string): SloExclusion[] {
    return this.repo.allExclusions(this.named(name).id).map(toExclusion);
  }

  /** Puts excluded time back into both sides of the SLO's ratio. */
  removeExclusion(name: string, id: string): SloExclusion {
    const slo = this.named(name);
    const found = this.repo.allExclusions(slo.id).find((exclusion) => exclusion.uid === id);
    if (!found || !this.repo.removeExclusion(slo.id, id)) {
      throw new HoldfastError('NOT_FOUND', `SLO "${name}" has no exclusion ${id}: it was removed already, or belongs to another SLO. Its exclusions are listed on its page and by holdfast slo exclusions ${name}.`, 'id');
    }
    return toExclusion(found);
  }
}

/** About 720 points over any window: hourly for 30 days, finer for shorter windows, never under a minute. */
/** About 720 points: whole minutes up to half an hour, whole hours beyond (so the points fall on the hourly roll-ups' edges). */
function chartStep(window: TimeRange): number {
  const step = Math.max(Math.ceil((window.end - window.start) / 720 / MINUTE) * MINUTE, MINUTE);
  return step <= HOUR / 2 ? step : Math.ceil(step / HOUR) * HOUR;
}

const toExclusion = (stored: { uid: string; start: number; end: number; reason: string; createdBy: string }): SloExclusion => ({
  id: stored.uid,
  from: new Date(stored.start).toISOString(),
  to: new Date(stored.end).toISOString(),
  reason: stored.reason,
  createdBy: stored.createdBy,
});

const formatNumber = (value: number): string => (Math.round(value * 10) / 10).toLocaleString('en');
const formatPercent = (fraction: number): string => `${Math.round(fraction * 1000) / 10} %`;
