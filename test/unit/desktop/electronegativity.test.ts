import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs helper of scripts/check-electronegativity.mjs, without type declarations
import { judge } from '../../../scripts/electronegativity-judge.mjs';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/server/security';
import { APP_ROOT } from '../../fixtures/temp';

interface Verdict {
  ok: boolean;
  unjustified: { check: string; file: string; line: number }[];
  justified: { check: string; reason: string }[];
  stale: { check: string }[];
  problems: string[];
}
const judgeSarif = judge as (sarif: unknown, justifications: unknown, scannedDir?: string) => Verdict;

const result = (ruleId: string, uri: string, line = 10) => ({
  ruleId,
  level: 'warning',
  message: { text: `about ${ruleId}` },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } }],
});
const sarifOf = (...results: unknown[]) => ({ runs: [{ results }] });
const reason = 'Reviewed: the preload exposes only named methods through contextBridge.';

describe('the Electronegativity check', () => {
  it('fails on a finding that is neither fixed nor justified, and names it with its place', () => {
    const verdict = judgeSarif(sarifOf(result('AUXCLICK_JS_CHECK', 'main/shell/main.ts', 125)), { justified: [] });
    expect(verdict.ok).toBe(false);
    expect(verdict.unjustified).toEqual([expect.objectContaining({ check: 'AUXCLICK_JS_CHECK', file: 'src/main/shell/main.ts', line: 125 })]);
  });

  it('passes when every finding is justified by check and file, whatever its line', () => {
    const verdict = judgeSarif(sarifOf(result('PRELOAD_JS_CHECK', 'main/shell/main.ts', 200)), {
      justified: [{ check: 'PRELOAD_JS_CHECK', file: 'src/main/shell/main.ts', reason }],
    });
    expect(verdict).toMatchObject({ ok: true, unjustified: [], stale: [] });
    expect(verdict.justified[0]?.reason).toBe(reason);
  });

  it('fails on a justification that no longer matches a finding, and on one without a real reason', () => {
    expect(judgeSarif(sarifOf(), { justified: [{ check: 'PRELOAD_JS_CHECK', file: 'src/main/shell/main.ts', reason }] })).toMatchObject({
      ok: false,
      stale: [{ check: 'PRELOAD_JS_CHECK' }],
    });
    const verdict = judgeSarif(sarifOf(result('PRELOAD_JS_CHECK', 'main/shell/main.ts')), {
      justified: [{ check: 'PRELOAD_JS_CHECK', file: 'src/main/shell/main.ts', reason: 'fine' }],
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toHaveLength(1);
  });

  it('treats a finding about the whole app (no file) as its own place', () => {
    const verdict = judgeSarif(sarifOf(result('CSP_GLOBAL_CHECK', 'file:///', 1)), { justified: [] });
    expect(verdict.unjustified[0]?.file).toBe('(the whole app)');
  });

  it('has a justification file whose entries each carry a reason', () => {
    const file = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'security', 'electronegativity-justifications.json'), 'utf8')) as {
      justified: { check: string; file: string; reason: string }[];
    };
    for (const entry of file.justified) {
      expect(fs.existsSync(path.join(APP_ROOT, entry.file)), entry.file).toBe(true);
      expect(entry.reason.length, entry.check).toBeGreaterThan(80);
    }
  });
});

describe("the console page's own Content-Security-Policy", () => {
  it('is the header policy minus frame-ancestors (which a <meta> cannot carry), so the two never drift apart', () => {
    const html = fs.readFileSync(path.join(APP_ROOT, 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(header);
  });
});
