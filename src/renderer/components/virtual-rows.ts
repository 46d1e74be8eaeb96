import { useVirtualizer, type Virtualizer, type VirtualItem } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * A long list whose rows are in the DOM only while in view (and `overscan` rows
 * around them): the box `scroller` scrolls, each row is keyed by its item's id
 * and measured once drawn. `followEnd` keeps a list that grows at the end
 * (a timeline) at its end when it was there.
 */
export function useVirtualRows<Item extends { id: number }>(
  items: readonly Item[],
  scroller: RefObject<HTMLElement | null>,
  options: { estimateSize: number; overscan: number; followEnd?: boolean },
): Virtualizer<HTMLElement, Element> {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  return useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => options.estimateSize,
    overscan: options.overscan,
    getItemKey: (index) => items[index]?.id ?? index,
    ...(options.followEnd ? { anchorTo: 'end' as const, followOnAppend: true } : {}),
  });
}

/** What a drawn row carries: its place for the virtualizer, and "n of total" for screen readers (only some rows are in the DOM). */
export function virtualRowProps(virtualizer: Virtualizer<HTMLElement, Element>, row: VirtualItem) {
  return {
    'data-index': row.index,
    ref: virtualizer.measureElement,
    style: { transform: `translateY(${row.start}px)` },
    'aria-setsize': virtualizer.options.count,
    'aria-posinset': row.index + 1,
  };
}
