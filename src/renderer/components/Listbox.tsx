import type { ReactNode } from 'react';

/** The id of a listbox's option at `index`: what its combobox names as `aria-activedescendant`. */
export const optionId = (listId: string, index: number): string => `${listId}-${index}`;

/**
 * The list of a combobox (the input keeps focus and names the active option by
 * its id, optionId): one option per item, the active one selected. Pressing an
 * option leaves the focus in the input; a click picks it. `empty` stands in the
 * list when there are no items.
 */
export function Listbox<Item>(props: {
  id: string;
  label: string;
  className: string;
  optionClassName: string;
  items: readonly Item[];
  itemKey: (item: Item) => string;
  active: number;
  onPick: (item: Item) => void;
  /** The pointer over an option (a list whose active option follows it). */
  onHover?: (index: number) => void;
  empty?: ReactNode;
  children: (item: Item) => ReactNode;
}) {
  return (
    <ul id={props.id} role="listbox" aria-label={props.label} className={props.className}>
      {props.items.map((item, index) => (
        <li
          key={props.itemKey(item)}
          id={optionId(props.id, index)}
          role="option"
          aria-selected={index === props.active}
          className={props.optionClassName}
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={props.onHover && (() => props.onHover?.(index))}
          onClick={() => props.onPick(item)}
        >
          {props.children(item)}
        </li>
      ))}
      {props.items.length === 0 && props.empty}
    </ul>
  );
}
