import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/drills/format';
import { HoldfastError } from '../../../src/main/errors';
import { parseRunbookFile } from '../../../src/main/runbooks/format/markdown';
import { parseRosterFile } from '../../../src/main/rosters/roster-file';
import { DEFAULT_PROCEDURE_HEADINGS } from '../../../src/main/runbooks/format/structure';

/** Runs per parser: a few seconds in all (FUZZ_RUNS=5000 digs deeper). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Lines that mean something to a YAML or Markdown parser, and lines that almost do. */
const YAML_LINES = [
  '---',
  '...',
  'title: Disk full',
  'title:',
  'tags: [a, b',
  'tags: {a: 1}',
  'services: checkout',
  'last_reviewed: 2026-02-30',
  'review_every_days: -5',
  'review_every_days: 1e400',
  'links:',
  '  - label: x',
  '    url: 1',
  'id: &anchor x',
  'other: *anchor',
  'ref: *missing',
  'bin: !!binary AAAA',
  'odd: !custom tag',
  '__proto__: {polluted: true}',
  'constructor: {prototype: {polluted: true}}',
  '? complex key',
  ': no key',
  '- list at the top',
  '  bad: indentation',
  '\ttab: indented',
  'key: "unclosed',
  "key: 'also unclosed",
  'key: |',
  'key: >-',
  '%YAML 1.2',
  '%TAG ! tag:x,2026:',
  'people:',
  '  - handle: maya',
  '    name: Maya',
  '    time_zone: Mars/Olympus',
  '    time_zone: America/Chicago',
  'teams:',
  '  - name: Shop',
  '    schedules:',
  '      - name: Primary',
  '        time_zone: UTC',
  '        layers:',
  '          - members: [maya, nobody]',
  '            shift: 1 week',
  '            shift: 0 days',
  '            handoff: "25:99"',
  '            start: 2026-01-05',
  '        overrides:',
  '          - {person: maya, start: 2026-13-01T00:00:00Z, end: x}',
  '    escalation_policies:',
  '      - name: Default',
  '        levels: [{wait_minutes: -1, targets: [schedule:Nope]}]',
];

const MARKDOWN_LINES = [
  '# Title',
  '#',
  '## Injects',
  '## Objectives',
  '## Mitigation',
  '### At 2m: Error rate climbs',
  '### At later: thing',
  '### At 99999999h: far away',
  '### Manual: The CFO asks',
  '### Soon: thing',
  '1. Restart the service ⏱ 5m',
  '2. Wait {timer=99999h}',
  '- [ ] a task',
  '- [x] done',
  '> facilitator note',
  '```bash',
  '```',
  '| a | b |',
  '|---|---|',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![](../../../etc/passwd)',
  '[link](javascript:alert(1))',
  '\u0000',
  '\u202e reversed',
  '😀'.repeat(50),
  'a'.repeat(5000),
  '',
];

const textOf = (lines: readonly string[]) =>
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...lines) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) }), { maxLength: 40 }).map((parts) => parts.join('\n'));

/** A Markdown file that may start with front matter. */
const markdownFile = fc.tuple(fc.boolean(), textOf(YAML_LINES), textOf(MARKDOWN_LINES), fc.constantFrom('\n', '\r\n')).map(([withFrontMatter, yaml, markdown, newline]) =>
  (withFrontMatter ? `---\n${yaml}\n---\n${markdown}` : markdown).replaceAll('\n', newline),
);

/** Runs a parser; it may succeed, or refuse with a HoldfastError. Anything else is a crash. */
function refusal(parse: () => unknown): HoldfastError | null {
  try {
    parse();
    return null;
  } catch (error) {
    if (!(error instanceof HoldfastError)) throw new Error(`crashed instead of refusing: ${String(error)}`, { cause: error });
    expect(error.code).toBe('VALIDATION');
    return error;
  }
}

describe('parsers of user files, fed random and hostile text', () => {
  it('runbooks (front matter + Markdown): never crash; a refusal names the file and line', () => {
    fc.assert(
      fc.property(markdownFile, (text) => {
        const error = refusal(() => parseRunbookFile(text, 'fuzz.md', DEFAULT_PROCEDURE_HEADINGS));
        if (error) expect(error.message).toMatch(/^fuzz\.md:\d+: /);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('drill scenarios: never crash; a refusal names the file and line', () => {
    fc.assert(
      fc.property(markdownFile, (text) => {
        const error = refusal(() => parseScenario(text, 'drill.md'));
        if (error) expect(error.message).toMatch(/^drill\.md:\d+: /);
      }),
      { numRuns: RUNS },
    );
  });

  it('rosters (YAML): never crash; every problem listed names the file and line', () => {
    fc.assert(
      fc.property(textOf(YAML_LINES), (text) => {
        const error = refusal(() => parseRosterFile(text, 'roster.yaml'));
        if (error) {
          expect(error.details?.length).toBeGreaterThan(0);
          for (const line of error.details ?? []) expect(line).toMatch(/^roster\.yaml:\d+: /);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('what the fuzzing found stays fixed: an alias to a missing anchor, and front matter errors without a file name', () => {
    expect(refusal(() => parseRosterFile('people: []\nteams: *missing\n', 'roster.yaml'))?.details).toEqual([
      'roster.yaml:2: Unresolved alias (the anchor must be set before the alias): missing',
    ]);
    expect(refusal(() => parseRunbookFile('---\ntitle: ok\ntags: {a: 1}\n---\nbody\n', 'disk.md', DEFAULT_PROCEDURE_HEADINGS))?.message).toMatch(
      /^disk\.md:3: front matter: "tags"/,
    );
    expect(refusal(() => parseScenario('---\ntitle: [unclosed\n---\n', 'drill.md'))?.message).toMatch(/^drill\.md:\d+: front matter is not valid YAML/);
  });
});
