import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where Holdfast keeps its data when no `--data` is given: the platform's
 * user-data location. The desktop app uses the same folder, so the CLI and
 * the app see one store.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Holdfast');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Holdfast');
    default:
      return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'holdfast');
  }
}

/** The checkout or install folder: the nearest folder above `from` holding Holdfast's package.json. */
export function findAppRoot(from: string): string {
  let dir = path.dirname(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'holdfast') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Holdfast's folder above ${from}`);
    dir = parent;
  }
}

export const appPaths = (root: string, env: NodeJS.ProcessEnv = process.env) => ({
  assetsDir: path.join(root, 'assets'),
  // HOLDFAST_DIST matches scripts/build.mjs: a build made beside the usual `dist`.
  rendererDir: path.join(root, env.HOLDFAST_DIST ?? 'dist', 'renderer'),
});
