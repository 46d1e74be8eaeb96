import { create } from 'zustand';
import type { Incident } from '../../../shared/incidents';
import type { ActionItem, Postmortem } from '../../../shared/postmortems';
import { api } from '../../api/client';

interface PostmortemState {
  /** The incident whose post-mortem is on screen. */
  incidentId: number | null;
  incident: Incident | null;
  postmortem: Postmortem | null;
  /** The document as exported Markdown, kept current for "Copy as Markdown". */
  markdown: string;
  actionItems: ActionItem[] | null;
  /** Why the screen could not load (e.g. no such incident). */
  problem: string | null;
}

export const usePostmortem = create<PostmortemState>()(() => ({
  incidentId: null,
  incident: null,
  postmortem: null,
  markdown: '',
  actionItems: null,
  problem: null,
}));

/** What an action on the screen came to: the message to show when it failed. */
export type Outcome = { ok: true } | { ok: false; message: string; field?: string | undefined };

const isCurrent = (incidentId: number) => usePostmortem.getState().incidentId === incidentId;

/** The post-mortem as a responder opens it: as stored, or its first draft written from the record the first time. */
async function openPostmortem(incidentId: number) {
  const opened = await api.draftPostmortem({ incidentId });
  return opened.ok ? { ok: true as const, value: opened.value.postmortem } : opened;
}

/** Loads the incident, its post-mortem (the draft written from the record the first time) and its action items. */
export async function loadPostmortem(incidentId: number): Promise<void> {
  if (!isCurrent(incidentId)) {
    usePostmortem.setState({ incidentId, incident: null, postmortem: null, markdown: '', actionItems: null, problem: null });
  }
  const [incident, postmortem, items] = await Promise.all([
    api.getIncident({ id: incidentId }),
    openPostmortem(incidentId),
    api.listActionItems({ incidentId }),
  ]);
  if (!isCurrent(incidentId)) return;
  if (!incident.ok) {
    usePostmortem.setState({ problem: incident.error.message });
    return;
  }
  if (!postmortem.ok) {
    usePostmortem.setState({ problem: postmortem.error.message });
    return;
  }
  usePostmortem.setState({
    incident: incident.value,
    postmortem: postmortem.value,
    actionItems: items.ok ? items.value : [],
    problem: null,
  });
  await refreshMarkdown(incidentId);
}

/** The incident changed elsewhere (status, title): show it as it is now. */
export async function reloadIncident(incidentId: number): Promise<void> {
  const result = await api.getIncident({ id: incidentId });
  if (result.ok && isCurrent(incidentId)) usePostmortem.setState({ incident: result.value });
}

async function refreshMarkdown(incidentId: number): Promise<void> {
  const result = await api.exportPostmortem({ incidentId, format: 'md' });
  if (result.ok && isCurrent(incidentId)) usePostmortem.setState({ markdown: result.value.content });
}

function took(incidentId: number, postmortem: Postmortem): void {
  if (!isCurrent(incidentId)) return;
  usePostmortem.setState({ postmortem });
  void refreshMarkdown(incidentId);
}

/** Saves some sections, the review status or the authors. */
export async function savePostmortem(
  incidentId: number,
  change: { sections?: Record<string, string>; reviewStatus?: Postmortem['reviewStatus']; authors?: string[] },
): Promise<Outcome> {
  const result = await api.savePostmortem({ incidentId, ...change });
  if (!result.ok) return { ok: false, message: result.error.message, field: result.error.field };
  took(incidentId, result.value);
  return { ok: true };
}

/** Refreshes the sections drawn from the record that nobody edited; resolves to the new draft. */
export async function regeneratePostmortem(incidentId: number): Promise<{ ok: true; postmortem: Postmortem } | { ok: false; message: string }> {
  const result = await api.regeneratePostmortem({ incidentId });
  if (!result.ok) return { ok: false, message: result.error.message };
  took(incidentId, result.value);
  return { ok: true, postmortem: result.value };
}

export async function reloadActionItems(incidentId: number): Promise<void> {
  const result = await api.listActionItems({ incidentId });
  if (result.ok && isCurrent(incidentId)) usePostmortem.setState({ actionItems: result.value });
}
