/**
 * Who is calling. Which operations each role may call is declared with every
 * operation (its `access`, src/main/operations/op.ts): a viewer session (the
 * read-only link of `holdfast web`, for a wall display) may call only reads.
 */
export const ROLES = ['responder', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the desktop app, the CLI and the responder link of `holdfast web` are responders. */
export interface Session {
  role: Role;
  /**
   * Who is at a responder's console, as it sent it (`encodeResponder`,
   * src/shared/sync.ts): the name its writes are logged under. Absent: the
   * Settings name. The dispatcher checks it before a write runs; a viewer's is ignored.
   */
  responder?: string | undefined;
}

export const RESPONDER: Session = { role: 'responder' };
export const VIEWER: Session = { role: 'viewer' };
