/** The post-mortem screen's reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useOp } from '../../api/queries';

/** The draft of an incident's post-mortem (written from its record the first time it is asked for). */
export const usePostmortemDraft = (incidentId: number) => useOp('getPostmortem', { incidentId });

/** The incident's action items. */
export const useIncidentActionItems = (incidentId: number) => useOp('listActionItems', { incidentId });

/** The document as exported Markdown, kept current for "Copy as Markdown". */
export const usePostmortemMarkdown = (incidentId: number) => useOp('exportPostmortem', { incidentId, format: 'md' }).data?.content ?? '';
