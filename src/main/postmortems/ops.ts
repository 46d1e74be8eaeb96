/** Post-mortems' operations, action items and metrics (see src/main/operations/op.ts for what a declaration holds). */
import type { ChangeEventBody } from '../../shared/events';
import {
  ExportPostmortemInput,
  ListActionItemsInput,
  MetricsInput,
  PostmortemInput,
  SaveActionItemInput,
  SavePostmortemInput,
} from '../../shared/postmortems';
import { op } from '../operations/context';
import { incidentMetrics } from './metrics';

/** Consoles showing this incident's post-mortem, its action items or the search over post-mortems hear of it. */
const postmortemChanged = (input: { incidentId: number }): ChangeEventBody[] => [{ type: 'postmortem.changed', incidentId: input.incidentId }];

export const postmortemOps = {
  getPostmortem: op({
    input: PostmortemInput,
    summary: 'The post-mortem of an incident as it stands; none until its first draft is written (draftPostmortem).',
    access: 'read',
    handler: (input, { postmortems }) => postmortems.get(input.incidentId),
  }),
  draftPostmortem: op({
    input: PostmortemInput,
    summary: 'The post-mortem of an incident as a responder opens it: its first draft written from the incident’s record if it has none yet (drafted).',
    access: 'write',
    handler: (input, { postmortems }) => postmortems.draft(input.incidentId),
    emits: (input, { drafted }) => (drafted ? postmortemChanged(input) : []),
  }),
  regeneratePostmortem: op({
    input: PostmortemInput,
    summary: 'Refresh the sections drawn from the record that nobody has edited.',
    access: 'write',
    handler: (input, { postmortems }) => postmortems.regenerate(input.incidentId),
    emits: postmortemChanged,
  }),
  savePostmortem: op({
    input: SavePostmortemInput,
    summary: 'Save edited sections, the review status or the authors.',
    access: 'write',
    handler: (input, { postmortems }) => postmortems.save(input),
    emits: postmortemChanged,
  }),
  exportPostmortem: op({
    input: ExportPostmortemInput,
    summary: 'The post-mortem as GitHub-flavoured Markdown or one self-contained HTML file (the draft the record gives, if none is written yet).',
    access: 'read',
    handler: (input, { postmortems }) => ({
      content: input.format === 'md' ? postmortems.markdown(input.incidentId) : postmortems.html(input.incidentId),
    }),
  }),
  listActionItems: op({
    input: ListActionItemsInput,
    summary: 'Action items across incidents: open, overdue, by owner.',
    access: 'read',
    handler: (input, { postmortems }) => postmortems.actionItems(input),
  }),
  saveActionItem: op({
    input: SaveActionItemInput,
    summary: 'Add or change an action item of an incident.',
    access: 'write',
    handler: (input, { postmortems }) => postmortems.saveActionItem(input),
    emits: postmortemChanged,
  }),
  incidentMetrics: op({
    input: MetricsInput,
    summary: 'Incidents per week by severity, MTTA and MTTR overall and per service (drills excluded).',
    access: 'read',
    handler: (input, { store, postmortems }) => incidentMetrics(store, input, postmortems.repo.openActionItems()),
  }),
};
