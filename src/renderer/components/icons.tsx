import type { ReactNode } from 'react';

/**
 * The console's icons, drawn as inline SVG in the text's colour and size. Symbol
 * characters (⏱ ⏸ ◐ ★ ⚠ …) depend on the fonts of the machine and show as empty
 * boxes where none has them (Debian's Chromium lacks ⏱ and ⏸), so an icon is never
 * typed. Without `label` an icon is decoration beside words that say the same; with
 * it, it is an image with that name.
 */
interface IconProps {
  label?: string;
  className?: string;
}

function Icon({ label, className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {children}
    </svg>
  );
}

/** A stopwatch: a step's timer. */
export const TimerIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="8" cy="9" r="5.75" />
    <path d="M6 1.5h4M8 1.5v1.75M8 9V5.75M12.2 4.3l1.1-1.1" />
  </Icon>
);

/** Two bars: paused, held. */
export const PauseIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M5.5 3v10M10.5 3v10" strokeWidth={2.5} strokeLinecap="butt" />
  </Icon>
);

/** A filled dot: running, live. */
export const DotIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="8" cy="8" r="4" fill="currentColor" stroke="none" />
  </Icon>
);

/** A circle half filled: the theme. */
export const ThemeIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 2a6 6 0 0 0 0 12z" fill="currentColor" stroke="none" />
  </Icon>
);

/** A star, filled when set: a key event. */
export const StarIcon = ({ filled, ...props }: IconProps & { filled: boolean }) => (
  <Icon {...props}>
    <path d="M8 1.8l1.85 3.9 4.25.5-3.15 2.9.85 4.2L8 11.2l-3.8 2.1.85-4.2L1.9 6.2l4.25-.5z" fill={filled ? 'currentColor' : 'none'} />
  </Icon>
);

/** A triangle with an exclamation mark: a warning, a gap. */
export const WarningIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8 1.8L15 14H1z" />
    <path d="M8 6.2v3.6M8 11.9v.1" strokeWidth={1.75} />
  </Icon>
);

/** An arrow out of a box: opens outside the console. */
export const ExternalIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M9.5 2.5H13.5V6.5M13.5 2.5L7.5 8.5M11.5 9.5v4h-9v-9h4" />
  </Icon>
);

/** An empty circle: not started. */
export const CircleIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="8" cy="8" r="4.5" />
  </Icon>
);

/** A triangle pointing right: in progress. */
export const PlayIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M5 3l8 5-8 5z" fill="currentColor" />
  </Icon>
);

/** A tick: done, met. */
export const CheckIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M2.5 8.5l3.5 3.5 7.5-8" strokeWidth={2} />
  </Icon>
);

/** A curved arrow over: skipped. */
export const SkipIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M2.5 11.5a5.5 5.5 0 0 1 10-3.5" />
    <path d="M13 4.5v3.5H9.5" />
  </Icon>
);

/** A cross: failed, missed. */
export const CrossIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" strokeWidth={2} />
  </Icon>
);
