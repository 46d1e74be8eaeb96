#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron (its ABI differs from Node's) into
// .native/electron-<version>-<arch>/better_sqlite3.node, and copies it to
// .native/current/ for electron-builder. node_modules keeps the Node build that
// tests, the CLI and web mode use, so neither build ever overwrites the other.
// Usage: node scripts/electron-native.mjs [--print-path]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const arch = process.arch;
const nativeDir = path.join(root, '.native');
const target = path.join(nativeDir, `electron-${electronVersion}-${arch}`, 'better_sqlite3.node');
const current = path.join(nativeDir, 'current', 'better_sqlite3.node');
const logFile = path.join(nativeDir, `build-electron-${electronVersion}-${arch}.log`);
// A better-sqlite3 upgrade needs a new Electron build too: the stamp records which version was built.
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
const stamp = path.join(path.dirname(target), 'better-sqlite3.version');
const isCurrent = () => fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sqliteVersion;

if (process.argv.includes('--print-path')) {
  console.log(target);
  process.exit(0);
}
if (!isCurrent()) {
  const failureLog = build();
  if (failureLog !== undefined) fail(failureLog);
}
fs.mkdirSync(path.dirname(current), { recursive: true });
fs.copyFileSync(target, current);

/** Returns the build log when it failed. */
function build() {
  const source = path.join(root, 'node_modules/better-sqlite3');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-native-'));
  // This machine's npm config sets nodedir=/usr; node-gyp would then build against Node's headers, not Electron's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
  const flags = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${arch}`];
  const localGyp = path.join(root, 'node_modules/node-gyp/bin/node-gyp.js');
  const gypArgs = ['rebuild', '--release', ...flags, '--dist-url=https://electronjs.org/headers'];
  let log = '';
  const run = (command, args) => {
    const result = spawnSync(command, args, { cwd: work, env, encoding: 'utf8', shell: process.platform === 'win32' && command === 'npm' });
    log += `$ ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}\n`;
    return result.status === 0;
  };
  try {
    fs.cpSync(source, work, { recursive: true, filter: (file) => file !== path.join(source, 'build') });
    const built =
      run(process.execPath, [path.join(root, 'node_modules/prebuild-install/bin.js'), ...flags]) ||
      (fs.existsSync(localGyp)
        ? run(process.execPath, [localGyp, ...gypArgs])
        : // npm exec re-reads nodedir from npm's config; an empty value makes node-gyp fetch Electron's headers.
          run('npm', ['exec', '--yes', '--nodedir=', 'node-gyp', '--', ...gypArgs]));
    const output = path.join(work, 'build/Release/better_sqlite3.node');
    if (!built || !fs.existsSync(output)) return log;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(output, target);
    fs.writeFileSync(stamp, sqliteVersion);
    console.log(`Built better-sqlite3 for Electron ${electronVersion} (${arch}): ${path.relative(root, target)}`);
  } catch (error) {
    return `${log}\n${String(error)}\n`;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return undefined;
}

function fail(log) {
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.writeFileSync(logFile, log);
  console.error(
    `Holdfast: the native SQLite module could not be built for Electron ${electronVersion}: ${reason(log)} (details: ${path.relative(root, logFile)}).`,
  );
  process.exit(1);
}

function reason(log) {
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i.test(log)) {
    return 'no network access to download Electron’s headers or a prebuilt binary';
  }
  if (/find Python|python.*not found|make: not found|not found: make|g\+\+: not found|No such file or directory.*(cc|c\+\+)/i.test(log)) {
    return 'build tools are missing (python3, make and a C++ compiler)';
  }
  const gypError = log.split('\n').find((line) => /gyp ERR! (stack )?Error:|^Error:/.test(line));
  return gypError ? gypError.replace(/^gyp ERR! (stack )?/, '').trim() : 'both the prebuilt download and the source build failed';
}
