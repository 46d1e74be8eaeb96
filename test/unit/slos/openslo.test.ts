import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSloExport } from '../../../src/main/slos/export';
import { readSloImport, type KnownSloObjects } from '../../../src/main/slos/import';
import { KIND_SCHEMAS } from '../../../src/main/slos/openslo-schema';
import { APP_ROOT, tempDir, writeFiles } from '../../fixtures/temp';

const FIXTURES = path.join(APP_ROOT, 'test', 'fixtures', 'openslo');
const VALID = ['catalog', 'slos', 'sloth', 'others'].map((folder) => path.join(FIXTURES, folder));

/** What a store would know after storing `objects`. */
function knownAfter(objects: ReturnType<typeof readSloImport>['objects']): KnownSloObjects {
  const byKey = new Map(objects.map((object) => [`${object.kind}/${object.name}`, object]));
  return {
    hashOf: (kind, name) => byKey.get(`${kind}/${name}`)?.hash,
    sli: (name) => {
      const object = byKey.get(`SLI/${name}`);
      return object ? KIND_SCHEMAS.SLI.parse(object.value).spec : undefined;
    },
  };
}

const readTree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((name) => fs.statSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [name.split(path.sep).join('/'), fs.readFileSync(path.join(dir, name), 'utf8')]),
  );

describe('importing OpenSLO v1 files', () => {
  it('reads single documents, streams and lists, every kind, and skips what is not OpenSLO v1 with why', () => {
    const { report, objects } = readSloImport(VALID);
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(objects.length);
    expect(objects.map((object) => `${object.kind}/${object.name}`).sort()).toEqual([
      'AlertCondition/fast-burn',
      'AlertNotificationTarget/checkout-pager',
      'AlertPolicy/checkout-paging',
      'DataSource/prometheus-eu',
      'SLI/checkout-good-requests',
      'SLI/search-error-ratio',
      'SLO/checkout-availability',
      'SLO/checkout-minutes',
      'SLO/checkout-requests',
      'SLO/payments-refund-latency',
      'SLO/payments-requests-availability',
      'SLO/search-errors',
      'SLO/search-latency',
      'Service/checkout',
      'Service/search',
    ]);
    const others = path.join(FIXTURES, 'others', 'not-openslo.yaml');
    expect(report.skipped).toEqual([
      { path: others, reason: "document 1: apiVersion apps/v1; Holdfast reads openslo/v1 and Sloth's prometheus/v1" },
      { path: others, reason: "document 2: apiVersion openslo/v1alpha (another version of OpenSLO); Holdfast reads openslo/v1 and Sloth's prometheus/v1" },
      {
        path: others,
        reason: 'document 3: kind BudgetAdjustment is not an OpenSLO v1 kind (SLO, SLI, Service, AlertPolicy, AlertCondition, DataSource, AlertNotificationTarget)',
      },
    ]);
  });

  it('understands every budgeting method, both kinds of window, indicatorRef, threshold and ratio metrics', () => {
    const { definitions } = readSloImport(VALID);
    const byName = Object.fromEntries(definitions.map((definition) => [definition.name, definition]));
    expect(byName['checkout-requests']).toMatchObject({
      service: 'checkout',
      budgetingMethod: 'Occurrences',
      window: { kind: 'rolling', text: '28d rolling' },
      target: 0.995,
      indicator: 'good',
      source: 'data',
    });
    expect(byName['checkout-minutes']).toMatchObject({
      budgetingMethod: 'Timeslices',
      window: { kind: 'calendar', text: '1M calendar', startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' },
      objectiveName: 'Strict',
      target: 0.999,
      timeSliceTarget: 0.95,
      timeSliceMs: 60_000,
      indicator: 'bad',
    });
    expect(byName['search-latency']).toMatchObject({ budgetingMethod: 'RatioTimeslices', window: { text: '1w rolling' }, op: 'lte', value: 0.25, indicator: 'threshold', timeSliceMs: 300_000 });
    expect(byName['checkout-availability']).toMatchObject({ source: 'incidents', target: 0.999 });
    expect(byName['search-errors']).toMatchObject({ indicator: 'raw-failure', window: { text: '30d rolling' } });
    expect(byName['payments-requests-availability']).toMatchObject({ service: 'payments', target: 0.999, budgetingMethod: 'Occurrences', indicator: 'bad' });
  });

  it('round-trips: export keeps unused kinds, fields and comments; export twice gives the same bytes; importing the export changes nothing', () => {
    const first = readSloImport(VALID);
    const stored = first.objects;
    const one = tempDir();
    const two = tempDir();
    expect(writeSloExport(one, stored)).toEqual({ dir: one, files: 15 });
    writeSloExport(two, stored);
    const exported = readTree(one);
    expect(readTree(two)).toEqual(exported);
    expect(exported['data-sources/prometheus-eu.yaml']).toContain('connectionDetails:\n    url: https://thanos.example.internal\n    timeout: 30s');
    expect(exported['alert-policies/checkout-paging.yaml']).toContain('notificationTargets:\n    - targetRef: checkout-pager');
    expect(exported['slos/checkout-requests.yaml']).toContain('indicatorRef: checkout-good-requests # the shared SLI in catalog/slis.yaml');
    expect(exported['slos/checkout-requests.yaml']).toContain('alertPolicies:\n    - checkout-paging');
    expect(exported['services/checkout.yaml']).toMatch(/^# The services of the shop/);
    expect(exported['slos/payments-refund-latency.yaml']).toContain('holdfast.dev/imported-from: sloth');

    const again = readSloImport([one], knownAfter(stored));
    expect(again.report).toEqual({ imported: 0, updated: 0, unchanged: 15, failed: [], skipped: [] });
    const reimport = readSloImport(VALID, knownAfter(stored));
    expect(reimport.report).toMatchObject({ imported: 0, updated: 0, unchanged: 15 });
  });

  it('writes an object that borrows an anchor from another list item as YAML that stands alone', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'services.yaml': [
        '- apiVersion: openslo/v1',
        '  kind: Service',
        '  metadata: {name: checkout}',
        '  spec: &shared',
        '    description: Owned by payments',
        '- apiVersion: openslo/v1',
        '  kind: Service',
        '  metadata: {name: refunds}',
        '  spec: *shared',
        '',
      ].join('\n'),
    });
    const first = readSloImport([dir]);
    expect(first.report.failed).toEqual([]);
    const out = tempDir();
    writeSloExport(out, first.objects);
    expect(fs.readFileSync(path.join(out, 'services', 'refunds.yaml'), 'utf8')).toContain('spec:\n  description: Owned by payments\n');
    expect(readSloImport([out], knownAfter(first.objects)).report).toMatchObject({ unchanged: 2, failed: [] });
  });

  it('reports an edited object as updated, and only that one', () => {
    const stored = readSloImport(VALID).objects;
    const dir = tempDir();
    writeSloExport(dir, stored);
    const file = path.join(dir, 'slos', 'checkout-requests.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('targetPercent: 99.5', 'targetPercent: 99.9'));
    expect(readSloImport([dir], knownAfter(stored)).report).toMatchObject({ imported: 0, updated: 1, unchanged: 14 });
  });
});

describe('an invalid OpenSLO file', () => {
  it('fails whole, naming the file, the document, the object and each field with its line; the other files import', () => {
    const { report, objects } = readSloImport([path.join(FIXTURES, 'invalid'), path.join(FIXTURES, 'catalog')]);
    const file = path.join(FIXTURES, 'invalid', 'two-problems.yaml');
    expect(report.failed).toEqual([
      {
        path: file,
        error:
          'document 2 (SLO "ledger-writes"), line 11: spec.budgetingMethod is required; ' +
          'document 2 (SLO "ledger-writes"), line 14: spec.objectives[0].target must be below 1 (0.999 is 99.9 %)',
      },
    ]);
    expect(objects.some((object) => object.name === 'ledger')).toBe(false);
    expect(report.imported).toBe(8);
  });

  it.each([
    ['a wrong enum', 'budgetingMethod: Occurrences', 'budgetingMethod: Events', 'spec.budgetingMethod must be one of Occurrences, Timeslices, RatioTimeslices'],
    ['both target forms', 'targetPercent: 99.5', 'targetPercent: 99.5\n      target: 0.995', 'spec.objectives[0].targetPercent cannot be used together with target'],
    ['a bad duration', 'duration: 28d', 'duration: 28 days', 'spec.timeWindow[0].duration must be a duration such as 5m'],
    ['an unknown zone', 'isRolling: true', 'calendar:\n        startTime: 2026-02-30\n        timeZone: Europe/Atlantis', 'spec.timeWindow[0].calendar.startTime must be a real date'],
    ['a capital in a name', 'name: checkout-requests', 'name: Checkout-Requests', 'metadata.name must be lowercase letters'],
    ['a number as an annotation', 'example.com/dashboard: checkout-overview', 'holdfast.dev/budget-warn-below-percent: 25', 'metadata.annotations["holdfast.dev/budget-warn-below-percent"] must be text'],
  ])('names %s', (_what, from, to, message) => {
    const dir = tempDir();
    const source = fs.readFileSync(path.join(FIXTURES, 'slos', 'occurrences.yaml'), 'utf8');
    expect(source).toContain(from);
    writeFiles(dir, { 'slo.yaml': source.replace(from, to), 'sli.yaml': fs.readFileSync(path.join(FIXTURES, 'catalog', 'slis.yaml')) });
    const { report } = readSloImport([dir]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.error).toContain(message);
  });

  it('fails an SLO whose indicatorRef names no SLI, a name defined twice, a policy annotation that is not a percentage, and a file that is not text', () => {
    const dir = tempDir();
    const slo = fs.readFileSync(path.join(FIXTURES, 'slos', 'occurrences.yaml'), 'utf8');
    writeFiles(dir, {
      'a.yaml': slo,
      'b.yaml': slo,
      'c.yml': slo.replace('name: checkout-requests', 'name: other').replace('example.com/dashboard: checkout-overview', 'holdfast.dev/budget-warn-below-percent: "25%"'),
      'd.yaml': Buffer.from([0xff, 0xfe, 0x00, 0x41]),
      'notes.txt': 'not read',
    });
    const { report } = readSloImport([dir]);
    expect(report.failed).toEqual([
      { path: path.join(dir, 'd.yaml'), error: `the file is not UTF-8 text (is it a binary file, such as an image?). Choose the Markdown or YAML file itself.` },
      { path: path.join(dir, 'b.yaml'), error: `document 1: SLO "checkout-requests" is also defined in ${path.join(dir, 'a.yaml')} (document 1); names are unique per kind` },
      {
        path: path.join(dir, 'a.yaml'),
        error: 'document 1 (SLO "checkout-requests"): spec.indicatorRef names the SLI "checkout-good-requests", which is neither in this import nor stored; import the SLI with it',
      },
      {
        path: path.join(dir, 'c.yml'),
        error: expect.stringContaining('metadata.annotations["holdfast.dev/budget-warn-below-percent"] is "25%": write a percentage of the budget left as a number in quotes, e.g. "25"') as string,
      },
    ]);
    expect(readSloImport([path.join(dir, 'missing')]).report.failed).toEqual([{ path: path.join(dir, 'missing'), error: 'no such file or folder' }]);
  });

  it('fails a file that defines one name twice', () => {
    const dir = tempDir();
    const service = (description: string) => `apiVersion: openslo/v1\nkind: Service\nmetadata: {name: checkout}\nspec: {description: ${description}}\n`;
    writeFiles(dir, { 'twice.yaml': `${service('one')}---\n${service('two')}` });
    expect(readSloImport([dir]).report.failed).toEqual([
      { path: path.join(dir, 'twice.yaml'), error: `document 2: Service "checkout" is also defined in ${path.join(dir, 'twice.yaml')} (document 1); names are unique per kind` },
    ]);
  });

  it('says where YAML itself is broken, and skips an empty file', () => {
    const dir = tempDir();
    writeFiles(dir, { 'broken.yaml': 'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: x\n', 'empty.yaml': '# nothing yet\n' });
    const { report } = readSloImport([dir]);
    expect(report.failed).toEqual([{ path: path.join(dir, 'broken.yaml'), error: expect.stringMatching(/^document 1, line \d: not valid YAML: /) as string }]);
    expect(report.skipped).toEqual([{ path: path.join(dir, 'empty.yaml'), reason: 'no YAML documents in it' }]);
  });
});

describe('Sloth prometheus/v1 specs', () => {
  it('become OpenSLO SLOs; a plugin SLI is skipped and an impossible objective fails, named by its path', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'sloth.yaml': [
        'version: "prometheus/v1"',
        'service: "Ledger API"',
        'slos:',
        '  - name: "writes"',
        '    objective: 99.95',
        '    sli:',
        '      plugin: {id: "sloth-common/kubernetes/apiserver/availability"}',
        '  - name: "reads"',
        '    objective: 99.5',
        '    sli: {events: {error_query: "sum(rate(errors[{{.window}}]))", total_query: "sum(rate(reads[{{.window}}]))"}}',
        '',
      ].join('\n'),
      'broken.yaml': 'version: prometheus/v1\nservice: ledger\nslos:\n  - name: reads\n    objective: 100\n    sli: {raw: {error_ratio_query: x}}\n',
    });
    const { report, definitions } = readSloImport([dir]);
    expect(definitions.map((d) => [d.name, d.service, d.target])).toEqual([['ledger-api-reads', 'ledger-api', 0.995]]);
    expect(report.skipped).toEqual([
      { path: path.join(dir, 'sloth.yaml'), reason: 'document 1: Sloth SLO "writes" uses the SLI plugin "sloth-common/kubernetes/apiserver/availability", whose queries only Sloth knows' },
    ]);
    expect(report.failed).toEqual([
      { path: path.join(dir, 'broken.yaml'), error: 'document 1 (Sloth spec), line 5: slos[0].objective must be below 100: an objective of 100 leaves no error budget' },
    ]);
  });
});
