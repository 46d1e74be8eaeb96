import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../fixtures/temp';

/**
 * The project's own ESLint config, judging code that is never written anywhere:
 * the probe is linted as text under a path in the source tree, so the config's
 * folder rules apply to it as to a real file there, and no file appears in `src/`
 * for a lint or typecheck running meanwhile to pick up. Type-aware rules are off
 * (there is no file for TypeScript to load); the import rule reads only the syntax.
 */
const eslint = new ESLint({ cwd: APP_ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

/** Lints code that imports electron as if it were the file at `relative`; returns the messages of the boundary rule. */
async function lintElectronImport(relative: string): Promise<string[]> {
  const code = "import { app } from 'electron';\n\nexport const name = app.getName();\n";
  const [result] = await eslint.lintText(code, { filePath: path.join(APP_ROOT, relative) });
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('only the Electron shell and preload may import electron', () => {
  it('lint rejects electron in the core, the renderer and shared code', async () => {
    for (const place of ['src/main/runbooks/__probe__.ts', 'src/renderer/__probe__.ts', 'src/shared/__probe__.ts']) {
      const messages = await lintElectronImport(place);
      expect(messages.join('\n'), place).toMatch(/Only src\/main\/shell and src\/main\/preload may import electron/);
    }
  }, 60_000);

  it('lint allows it in the shell and the preload', async () => {
    for (const place of ['src/main/shell/__probe__.ts', 'src/main/preload/__probe__.ts']) expect(await lintElectronImport(place), place).toEqual([]);
  }, 60_000);

  it('no source file outside the shell and preload imports electron today', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          const inShell = /src\/main\/(shell|preload)\//.test(full);
          if (!inShell && /from ['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(full, 'utf8'))) {
            offenders.push(path.relative(APP_ROOT, full));
          }
        }
      }
    };
    walk(path.join(APP_ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
