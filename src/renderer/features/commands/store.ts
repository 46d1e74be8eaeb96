import { create } from 'zustand';

/** Which of the two keyboard overlays is open: the command palette or the shortcuts help. */
export const useOverlays = create<{ open: 'palette' | 'help' | null }>()(() => ({ open: null }));

export const openPalette = () => useOverlays.setState({ open: 'palette' });
export const openHelp = () => useOverlays.setState({ open: 'help' });
export const closeOverlay = () => useOverlays.setState({ open: null });
