import type { ReactNode } from 'react';
import { create } from 'zustand';

export interface Question {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Which button has the focus when the dialog opens: the safe one unless the action is harmless. */
  focus?: 'confirm' | 'cancel';
  /** Colours the confirm button as a warning. */
  danger?: boolean;
}

interface Pending extends Question {
  answer: (yes: boolean) => void;
}

export const useConfirm = create<{ pending: Pending | null }>()(() => ({ pending: null }));

/** Asks the user a yes/no question in a modal dialog; resolves to true only when they confirm. */
export function ask(question: Question): Promise<boolean> {
  useConfirm.getState().pending?.answer(false);
  return new Promise<boolean>((resolve) => {
    useConfirm.setState({
      pending: {
        ...question,
        answer: (yes) => {
          useConfirm.setState({ pending: null });
          resolve(yes);
        },
      },
    });
  });
}

/** Asks before unsaved edits are thrown away (`body` says which): "Keep editing" has the focus, "Discard changes" is the warning. */
export const askToDiscard = (title: string, body: ReactNode): Promise<boolean> =>
  ask({ title, body, confirmLabel: 'Discard changes', cancelLabel: 'Keep editing', focus: 'cancel', danger: true });
