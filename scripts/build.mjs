// Builds everything `npm start`, `npm run web` and the e2e tests run:
//   dist/renderer/          the React console
//   dist/node/cli.js        the `holdfast` CLI and web server (ESM)
//   dist/node/shell.cjs     Electron main process
//   dist/node/preload.cjs   Electron preload (sandboxed, so CommonJS in one file)
//   dist/node/core-host.cjs the core in Electron's utility process
//   dist/node/runbook-parser.js / .cjs  the worker thread that reads runbook Markdown (for cli.js / core-host.cjs)
// and, first, src/shared/operation-names.ts (scripts/operation-names.ts) from the operations the domains declare.
// Pure-JS dependencies are bundled; only better-sqlite3 (native) and electron stay external.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'vite';

// HOLDFAST_DIST lets two checkouts' worth of work build side by side (e.g. parallel e2e runs); normally `dist`.
const outRoot = process.env.HOLDFAST_DIST ?? 'dist';

const external = ['better-sqlite3', 'electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** @param {Record<string, string>} input @param {'es' | 'cjs'} format @param {string} extension @param {string} [banner] */
const nodeBuild = (input, format, extension, banner) =>
  build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: `${outRoot}/node`,
      emptyOutDir: false,
      target: 'node20',
      sourcemap: true,
      rolldownOptions: {
        input,
        external,
        // Chunks (the CLI loads each part when a command needs it) sit beside their entry, like the parser's worker
        // file that src/main/runbooks/parser/pool.ts looks for beside the code that starts it.
        output: { format, entryFileNames: `[name].${extension}`, chunkFileNames: `[name]-[hash].${extension}`, ...(banner ? { banner } : {}) },
      },
    },
    ssr: { noExternal: true, external: ['better-sqlite3', 'electron'] },
  });

const started = Date.now();
// The preload and the shell name every operation: refresh the list from the domains' declarations first.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/operation-names.ts'], { stdio: 'inherit' });
// Every build writes all of dist/node again; what an earlier build left there (chunks under old hashes) goes.
fs.rmSync(`${outRoot}/node`, { recursive: true, force: true });
await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: `../../${outRoot}/renderer` } });
// The `holdfast` bin: npm links it as an executable, so it names its interpreter and may be run directly.
await nodeBuild({ cli: 'src/main/cli/main.ts' }, 'es', 'js', '#!/usr/bin/env node');
fs.chmodSync(`${outRoot}/node/cli.js`, 0o755);
// Each Electron entry is built on its own so the sandboxed preload is one self-contained file.
await nodeBuild({ shell: 'src/main/shell/main.ts' }, 'cjs', 'cjs');
await nodeBuild({ preload: 'src/main/preload/preload.ts' }, 'cjs', 'cjs');
await nodeBuild({ 'core-host': 'src/main/core/utility-host.ts' }, 'cjs', 'cjs');
// The Markdown parser's worker, self-contained beside each bundle that starts it (src/main/runbooks/parser/pool.ts).
await nodeBuild({ 'runbook-parser': 'src/main/runbooks/parser/worker.ts' }, 'es', 'js');
await nodeBuild({ 'runbook-parser': 'src/main/runbooks/parser/worker.ts' }, 'cjs', 'cjs');
console.log(`Built ${outRoot}/ in ${((Date.now() - started) / 1000).toFixed(1)}s`);
