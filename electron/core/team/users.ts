import { z } from 'zod';
import type { Transaction, Workspace, WorkspaceUser } from '../store';
import { defineCollection } from '../store/collection-definition';

/**
 * The people who have written to this project: one record per user id, so that an author
 * id received from a colleague (in a bundle, through sync) can be shown by name. The
 * current user joins when they name themselves; a bundle carries its exporter.
 */
export const TeamUserSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name: z.string().trim().min(1).max(200),
});
export type TeamUser = z.infer<typeof TeamUserSchema>;

export const usersCollection = defineCollection({ name: 'users', version: 2, schema: TeamUserSchema });

/** A user as the app lists them: `current` is who writes here now. */
export interface TeamUserView extends TeamUser {
  current: boolean;
}

/** Adds or renames a user in the project's list (inside the caller's transaction). */
export function stageUser(tx: Transaction, user: WorkspaceUser): void {
  const known = tx.get(usersCollection, user.id);
  if (!known || known.name !== user.name) tx.put(usersCollection, { id: user.id, name: user.name });
}

/** Everyone known, the current user first; authors seen on records but never named appear by their id. */
export function listUsers(workspace: Workspace, authorIds: Iterable<string> = []): TeamUserView[] {
  const byId = new Map<string, TeamUser>();
  for (const user of workspace.records(usersCollection).values()) byId.set(user.id, user);
  const current = workspace.user;
  byId.set(current.id, { id: current.id, name: current.name });
  for (const id of authorIds) if (!byId.has(id)) byId.set(id, { id, name: id });
  return [...byId.values()]
    .map((user) => ({ ...user, current: user.id === current.id }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name));
}
