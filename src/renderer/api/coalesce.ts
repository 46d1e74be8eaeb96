/**
 * One load per key at a time: a request for a load already running marks it to
 * run once more when it finishes, so a burst of change events costs two fetches, not fifty.
 */
const running = new Map<string, Promise<void>>();
const again = new Set<string>();

export function coalesce(key: string, load: () => Promise<void>): Promise<void> {
  const current = running.get(key);
  if (current) {
    again.add(key);
    return current;
  }
  const run = (async () => {
    try {
      do {
        again.delete(key);
        await load();
      } while (again.has(key));
    } finally {
      running.delete(key);
    }
  })();
  running.set(key, run);
  return run;
}
