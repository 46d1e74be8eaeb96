import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, tempDir, writeFiles } from '../../fixtures/temp';

/**
 * The layering `npx eslint .` enforces, read from eslint.config.js for a file at
 * a path: each import below is linted with the import rule that file gets (no
 * probe file is written into src/).
 */
async function importErrors(file: string, source: string): Promise<string[]> {
  const config = (await new ESLint({ cwd: APP_ROOT }).calculateConfigForFile(path.join(APP_ROOT, file))) as { rules: Record<string, Linter.RuleEntry> };
  const rule = config.rules['no-restricted-imports'];
  if (rule === undefined) throw new Error(`${file} has no import rule`);
  const messages = new Linter({ configType: 'flat' }).verify(
    source,
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-imports': rule } }],
    { filename: path.join(APP_ROOT, file) },
  );
  return messages.map((message) => message.message);
}

describe('the layering lint', () => {
  it("refuses one domain importing another's repo, and says to call that domain's service", async () => {
    const errors = await importErrors('src/main/incidents/probe.ts', "import { RunbookRepo } from '../runbooks/repo';\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/private to src\/main\/runbooks: call the RunbookLibrary \(src\/main\/runbooks\/library\.ts\)/);
    expect(await importErrors('src/main/breakglass/probe.ts', "import { RevisionRepo } from '../runbooks/revisions-repo';\n")).toHaveLength(1);
    expect(await importErrors('src/main/workspace/probe.ts', "import { RosterRepo } from '../rosters/repo';\n")).toHaveLength(1);
    expect(await importErrors('src/main/cli/probe.ts', "import { DrillRepo } from '../drills/repo';\n")).toHaveLength(1);
  });

  it('lets a domain import its own repo', async () => {
    expect(await importErrors('src/main/runbooks/probe.ts', "import { RunbookRepo } from './repo';\n")).toEqual([]);
    expect(await importErrors('src/main/runbooks/format/probe.ts', "import type { RunbookRepo } from '../repo';\n")).toEqual([]);
  });

  it('refuses code below the composition root importing it, types included', async () => {
    const root = await importErrors('src/main/breakglass/probe.ts', "import type { Core } from '../core/core';\n");
    expect(root).toHaveLength(1);
    expect(root[0]).toMatch(/composition root: code below them takes what it needs as a parameter/);
    expect(await importErrors('src/main/runbooks/probe.ts', "import { dispatch } from '../api';\n")).toHaveLength(1);
    expect(await importErrors('src/main/operations/probe.ts', "import { CoreKeeper } from '../core/keeper';\n")).toHaveLength(1);
  });

  it('lets the adapters import the root', async () => {
    expect(await importErrors('src/main/cli/probe.ts', "import { openCore } from '../core/core';\nimport { call } from '../api';\n")).toEqual([]);
    expect(await importErrors('src/main/server/probe.ts', "import type { Core } from '../core/core';\n")).toEqual([]);
  });
});

describe('the import-circle check (npm run test:cycles)', () => {
  const check = (...folders: string[]) => spawnSync(process.execPath, [path.join(APP_ROOT, 'scripts', 'check-cycles.mjs'), ...folders], { cwd: APP_ROOT, encoding: 'utf8' });

  it('names the modules of a circle, type-only imports included, and fails', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.ts': "import { b } from './b';\nexport const a = b + 1;\n",
      'b.ts': "import type { C } from './nested/c';\nexport const b: C = 1;\n",
      'nested/c.ts': "import { a } from '../a';\nexport type C = typeof a;\n",
      'd.ts': "import { a } from './a';\nexport const d = a;\n",
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/1 import circle/);
    expect(result.stderr).toMatch(/3 modules import each other/);
    expect(result.stderr).not.toMatch(/d\.ts ->/);
  });

  it('finds no circle in src/main or src/renderer', () => {
    const result = check('src/main', 'src/renderer');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
