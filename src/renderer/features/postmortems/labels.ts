import type { ActionItem, Postmortem } from '../../../shared/postmortems';

export const ACTION_TYPE_LABELS: Record<ActionItem['type'], string> = {
  mitigate: 'Mitigate',
  prevent: 'Prevent',
  process: 'Process',
};

export const ACTION_STATUS_LABELS: Record<ActionItem['status'], string> = {
  open: 'Open',
  done: 'Done',
  'wont-do': 'Won’t do',
};

export const REVIEW_STATUS_LABELS: Record<Postmortem['reviewStatus'], string> = {
  draft: 'Draft',
  'in review': 'In review',
  final: 'Final',
};
