/** A problem across the top of a screen, announced as it appears; nothing when there is none. With `onDismiss`, a Dismiss button clears it. */
export function ErrorBanner({ message, onDismiss }: { message: string | null | undefined; onDismiss?: (() => void) | undefined }) {
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
