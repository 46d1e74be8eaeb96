/**
 * Front matter keys other runbook trees use for what Holdfast calls services
 * and tags, read when a file has no `services`/`service` (or no `tags`) of its
 * own. They are borrowed, not owned: each stays in the file's other keys and is
 * written back on export as it was, and a value Holdfast cannot read as names
 * (a nested mapping, say) is left alone rather than refusing the file.
 *
 * - services: `component` or `components` (Backstage, alert labels copied into
 *   a runbook), and `labels.service` / `labels.component` when `labels` is a
 *   mapping of alert labels (`labels: {service: etcd, severity: critical}`);
 * - tags: `labels` when it is a list or comma-separated names (Confluence and
 *   wiki exports), and `categories` (Hugo's other taxonomy).
 */
export function borrowedNames(extra: Record<string, unknown>): { services: string[]; tags: string[] } {
  const labels = extra.labels;
  const labelMap = isMapping(labels) ? labels : {};
  return {
    services: unique([...names(extra.component), ...names(extra.components), ...names(labelMap.service), ...names(labelMap.component)]),
    tags: unique([...(isMapping(labels) ? [] : names(labels)), ...names(extra.categories)]),
  };
}

/**
 * Metadata with empty services and tags filled from the borrowed keys: what a
 * runbook imported before Holdfast read them gets once (migration 010).
 * Returns the same object when there is nothing to fill.
 */
export function withBorrowedNames<M extends { services: string[]; tags: string[] }>(metadata: M, extra: Record<string, unknown>): M {
  const borrowed = borrowedNames(extra);
  const services = metadata.services.length ? metadata.services : borrowed.services;
  const tags = metadata.tags.length ? metadata.tags : borrowed.tags;
  return services === metadata.services && tags === metadata.tags ? metadata : { ...metadata, services, tags };
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A name, a list of names or names separated by commas; anything else gives none. */
function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  return items
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim())
    .filter((item) => item.length > 0 && item.length <= 100);
}

const unique = (values: string[]): string[] => [...new Set(values)];
