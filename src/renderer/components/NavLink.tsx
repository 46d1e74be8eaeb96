import type { ReactNode } from 'react';

/**
 * A link of the top bar to one area, marked as the current page while there, with
 * a count beside its name (how many are open or running); `counted` says that count
 * in words for screen readers ("2 running"), the badge itself being hidden from them.
 */
export function NavLink(props: {
  href: string;
  current: boolean;
  name: string;
  className: string;
  count: number;
  badgeClassName: string;
  counted: string | null;
  /** What stands after the count (a drill mark). */
  children?: ReactNode;
}) {
  return (
    <a href={props.href} aria-current={props.current ? 'page' : undefined} aria-label={props.counted ? `${props.name} (${props.counted})` : undefined} className={props.className}>
      {props.name}
      {props.count > 0 && (
        <span className={props.badgeClassName} aria-hidden="true">
          {props.count}
        </span>
      )}
      {props.children}
    </a>
  );
}
