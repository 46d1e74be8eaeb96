#!/usr/bin/env node
// `npm start`: builds, makes sure better-sqlite3 exists for Electron, and runs the desktop app.
// It finds Electron's binary the way node_modules/electron/index.js does, but never
// requires that package, whose install step could try to download it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const binary = electronBinary();
if (!binary) {
  console.error(
    'Holdfast: the Electron binary is not installed on this machine (it could not be downloaded). Run the console in your browser instead: npm run web',
  );
  process.exit(1);
}

for (const script of ['build.mjs', 'electron-native.mjs']) {
  const { status } = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node instead of the app
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit', windowsHide: false });
let running = true;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (running) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Holdfast: could not start Electron (${error.message}).`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  running = false;
  process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
});

function electronBinary() {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const file = override
    ? path.join(override, executable || 'electron')
    : executable && path.join(electronDir, 'dist', executable);
  return file && fs.existsSync(file) ? file : undefined;
}
