import { create } from 'zustand';

/** The Now board's UI state: the instant it answers for when someone picked one (UTC ISO); null follows the clock. */
export const usePinned = create<{ pinned: string | null }>()(() => ({ pinned: null }));

export const pin = (at: string | null): void => usePinned.setState({ pinned: at });
