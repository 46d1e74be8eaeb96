// On its own (not in ./structure.ts, which reads Markdown) so the settings read it without loading a Markdown parser.

/** Headings that hold a procedure: their list items, or without a list their paragraphs, are steps. Configurable per workspace. */
export const DEFAULT_PROCEDURE_HEADINGS = [
  'Diagnosis',
  'Mitigation',
  'Steps',
  'Procedure',
  'Remediation',
  'Rollback',
  'Verification',
  'Resolution',
  'Recovery',
  'Triage',
];
