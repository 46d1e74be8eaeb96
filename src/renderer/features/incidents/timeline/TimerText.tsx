import { TimerIcon } from '../../../components/icons';

/**
 * Text that may hold a step's timer marker (⏱ 5m): many fonts lack the ⏱
 * character, so it is drawn instead (components/icons.tsx).
 */
export function TimerText({ text }: { text: string }) {
  const parts = text.split(/⏱\uFE0F?/u);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && <TimerIcon label="timer" className="timer-icon" />}
          {part}
        </span>
      ))}
    </>
  );
}
