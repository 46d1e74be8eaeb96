#!/usr/bin/env node
/**
 * Runs Electronegativity (Doyensec's Electron security scanner) over src/ and
 * writes its findings as SARIF, offline and reliably:
 *
 * - Its CLI cannot start here: it calls commander's old `program.version()` API on
 *   whatever commander npm hoisted (ours, a newer major). So this calls its
 *   programmatic runner instead, which needs no commander.
 * - It fetches translations (and, in one global check, Electron's release list)
 *   over the network. The `got` it would use is replaced by one that fails at
 *   once, so it falls back to its bundled English text, and the release check,
 *   which can only work online, is left out.
 *
 * Usage: node scripts/electronegativity.mjs [SARIF_FILE]  (default test-results/electronegativity.sarif)
 * Its exit code is 0 even with findings; scripts/check-electronegativity.mjs judges them.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sarifFile = path.resolve(root, process.argv[2] ?? 'test-results/electronegativity.sarif');
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const requireFromScanner = createRequire(path.join(packageDir, 'dist', 'runner.js'));

/** Checks that need the network; nothing else is left out. */
const ONLINE_ONLY_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function goOffline() {
  const offline = () => Promise.reject(new Error('Holdfast runs Electronegativity offline'));
  for (const name of ['got']) {
    const resolved = requireFromScanner.resolve(name);
    require.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: Object.assign(offline, { default: offline }) };
  }
}

goOffline();
// The translation loader says it could not update; that is expected offline.
const log = console.log;
console.log = (...args) => {
  if (String(args[0]).startsWith('Could not retrieve updated translations')) return;
  log(...args);
};

const run = requireFromScanner('./runner.js');
const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
const result = await run(
  {
    input: path.join(root, 'src'),
    output: sarifFile,
    isSarif: true,
    isRelative: true,
    customScan: [],
    excludeFromScan: ONLINE_ONLY_CHECKS.map((check) => check.toLowerCase()),
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
console.log = log;

const unreadable = result.errors.filter((error) => !error.tolerable);
for (const error of unreadable) console.error(`electronegativity: could not read ${path.relative(root, error.file)}: ${error.message}`);
console.log(
  `Electronegativity ${JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over src/ (Electron ${electronVersion}); ${result.issues.length} findings written to ${path.relative(root, sarifFile)}.`,
);
// A file it could not parse is a file it did not check.
if (unreadable.length > 0) process.exitCode = 1;
