import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../../fixtures/temp';

const probes: string[] = [];

/** Lints a throwaway file at `relative` that imports electron; returns the messages of the boundary rule. */
async function lintElectronImport(relative: string): Promise<string[]> {
  const file = path.join(APP_ROOT, relative);
  probes.push(file);
  fs.writeFileSync(file, "import { app } from 'electron';\n\nexport const name = app.getName();\n");
  const eslint = new ESLint({ cwd: APP_ROOT });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

afterAll(() => {
  for (const file of probes) fs.rmSync(file, { force: true });
});

describe('only the Electron shell and preload may import electron', () => {
  it('lint rejects electron in the core, the renderer and shared code', async () => {
    for (const place of ['src/main/runbooks/__probe__.ts', 'src/renderer/__probe__.ts', 'src/shared/__probe__.ts']) {
      const messages = await lintElectronImport(place);
      expect(messages.join('\n'), place).toMatch(/Only src\/main\/shell and src\/main\/preload may import electron/);
    }
  }, 60_000);

  it('lint allows it in the shell', async () => {
    expect(await lintElectronImport('src/main/shell/__probe__.ts')).toEqual([]);
  }, 60_000);

  it('no source file outside the shell and preload imports electron today', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.startsWith('__probe__')) {
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
