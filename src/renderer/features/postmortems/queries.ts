/** The post-mortem screen's reads, cached by operation and input (src/renderer/api/queries.ts). */
import { useQuery } from '@tanstack/react-query';
import type { Postmortem } from '../../../shared/postmortems';
import { fetchOp, opKey, useOp, type OpError } from '../../api/queries';
import { useCanWrite } from '../session/queries';

/**
 * The draft of an incident's post-mortem, cached as `getPostmortem`. A responder opens it
 * through draftPostmortem, which writes the first draft from the record when there is none
 * (and announces it only then); a viewer reads what is stored.
 */
export function usePostmortemDraft(incidentId: number) {
  const canWrite = useCanWrite();
  return useQuery<Postmortem, OpError>({
    queryKey: opKey('getPostmortem', { incidentId }),
    queryFn: async () => (canWrite ? (await fetchOp('draftPostmortem', { incidentId })).postmortem : fetchOp('getPostmortem', { incidentId })),
  });
}

/** The incident's action items. */
export const useIncidentActionItems = (incidentId: number) => useOp('listActionItems', { incidentId });

/** The document as exported Markdown, kept current for "Copy as Markdown". */
export const usePostmortemMarkdown = (incidentId: number) => useOp('exportPostmortem', { incidentId, format: 'md' }).data?.content ?? '';
