import { readOp } from '../../api/queries';
import type { ImageLoader } from '../../components/Markdown';

const loaders = new Map<number, ImageLoader>();

/**
 * Loads the images imported with one runbook as data: URLs (the CSP allows nothing
 * else offline), through the data layer: each picture is fetched once, and again
 * only after the runbooks changed (an import may have replaced it).
 */
export function imageLoader(runbookId: number): ImageLoader {
  let loader = loaders.get(runbookId);
  if (!loader) {
    loader = async (path) => {
      const result = await readOp('getRunbookAsset', { id: runbookId, path: safeDecode(path) });
      return result.ok ? `data:${result.value.mime};base64,${result.value.base64}` : null;
    };
    loaders.set(runbookId, loader);
  }
  return loader;
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
