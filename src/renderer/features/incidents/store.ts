import { create } from 'zustand';

/** UI state of incidents: whether the declare dialog is open. What the core holds is read through ./queries.ts. */
export const useIncidentsUi = create<{ declaring: boolean }>()(() => ({ declaring: false }));

export const openDeclare = () => useIncidentsUi.setState({ declaring: true });
export const closeDeclare = () => useIncidentsUi.setState({ declaring: false });
