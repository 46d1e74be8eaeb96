import { create } from 'zustand';
import { lastDays, type LoadPeriod } from './period';

/** The load report's UI state: the period and team asked about (the rows are read through ../queries.ts). */
export const useLoadPeriod = create<{ period: LoadPeriod }>()(() => ({ period: { ...lastDays(30), team: '' } }));

export const setLoadPeriod = (patch: Partial<LoadPeriod>): void => useLoadPeriod.setState((state) => ({ period: { ...state.period, ...patch } }));
