import { api } from '../../api/client';
import type { ImageLoader } from '../../components/Markdown';

/** Images already fetched, per runbook and path: a runbook's pictures load once per session. */
const cache = new Map<string, Promise<string | null>>();
const loaders = new Map<number, ImageLoader>();

/** Loads the images imported with one runbook as data: URLs (the CSP allows nothing else offline). */
export function imageLoader(runbookId: number): ImageLoader {
  let loader = loaders.get(runbookId);
  if (!loader) {
    loader = (path) => {
      const key = `${runbookId}\n${path}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = api.getRunbookAsset({ id: runbookId, path: safeDecode(path) }).then((result) =>
          result.ok ? `data:${result.value.mime};base64,${result.value.base64}` : null,
        );
        cache.set(key, pending);
      }
      return pending;
    };
    loaders.set(runbookId, loader);
  }
  return loader;
}

/** Forget fetched images (after an import may have replaced them). */
export function forgetImages(): void {
  cache.clear();
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
