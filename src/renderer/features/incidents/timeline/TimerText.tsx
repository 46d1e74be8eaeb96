/**
 * Text that may hold a step's timer marker (⏱ 5m): many fonts lack the ⏱
 * character, so it is drawn instead, as the runbook outline does.
 */
export function TimerText({ text }: { text: string }) {
  const parts = text.split(/⏱\uFE0F?/u);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && (
            <svg className="timer-icon" viewBox="0 0 16 16" role="img" aria-label="timer">
              <circle cx="8" cy="9" r="5.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M6 1.5h4M8 1.5v1.75M8 9V5.75M12.2 4.3l1.1-1.1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
          )}
          {part}
        </span>
      ))}
    </>
  );
}
