import { useState } from 'react';

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton(props: {
  text: string;
  label: string;
  /** What is copied, for screen readers (e.g. "command kubectl get pods"); defaults to nothing more than the label. */
  what?: string;
  /** Sits in the flow of a row instead of over the corner of a code block. */
  inline?: boolean;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button
      type="button"
      className={props.inline ? 'copy-button copy-button-inline' : 'copy-button'}
      onClick={() => void copy()}
      aria-label={props.what ? `${props.label} ${props.what} to clipboard` : `${props.label} to clipboard`}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : props.label}
    </button>
  );
}
