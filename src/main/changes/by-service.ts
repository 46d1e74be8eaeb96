/**
 * The items of a list that touch any of some services, in the list's order,
 * without walking the whole list each time: the list is indexed by service
 * once (per list object; lists are read-only) and each question merges the
 * few indexes it names. A check asks this of 500 windows and 1,000 changes.
 */
type Services = readonly string[] | 'all';

interface Index {
  all: number[];
  by: Map<string, number[]>;
}

const indexes = new WeakMap<readonly object[], Index>();

function indexOf<T extends object>(items: readonly T[], servicesOf: (item: T) => Services): Index {
  let index = indexes.get(items);
  if (!index) {
    index = { all: [], by: new Map() };
    items.forEach((item, i) => {
      const services = servicesOf(item);
      if (services === 'all') return void (index as Index).all.push(i);
      for (const service of new Set(services)) {
        const list = (index as Index).by.get(service);
        if (list) list.push(i);
        else (index as Index).by.set(service, [i]);
      }
    });
    indexes.set(items, index);
  }
  return index;
}

/** The items covering `all` services or one of `services`, in their order in `items`. */
export function touchingServices<T extends object>(items: readonly T[], services: readonly string[], servicesOf: (item: T) => Services): T[] {
  const index = indexOf(items, servicesOf);
  const positions = new Set(index.all);
  for (const service of services) for (const i of index.by.get(service) ?? []) positions.add(i);
  return [...positions].sort((a, b) => a - b).map((i) => items[i] as T);
}
