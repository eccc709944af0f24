import { randomBytes, randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import { readTextIfExists } from './durable-file';

/**
 * Who this workspace is and who is writing to it, kept in `workspace.json`:
 * - `projectId`, made once at random: it names the project's CouchDB database and lets a
 *   bundle from another project be refused. It is also kept in every snapshot, so a damaged
 *   `workspace.json` does not lose it.
 * - the current user, the `author` of every record written here. It defaults to the
 *   operating system's user name; the app and `workbench user --name` change it.
 */
export interface WorkspaceUser {
  /** Lower case letters, digits and dashes. */
  id: string;
  name: string;
}

export interface WorkspaceIdentity {
  projectId: string;
  createdAt: string;
  user: WorkspaceUser;
}

export const identityFileName = 'workspace.json';
export const identityVersion = 1;

const userIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const WorkspaceUserSchema = z.object({
  id: z.string().regex(userIdPattern, 'a user id is lower case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
});

const IdentityFileSchema = z.object({
  schemaVersion: z.literal(identityVersion),
  projectId: z.string().regex(/^[a-z][a-z0-9-]{2,100}$/),
  createdAt: z.string(),
  user: WorkspaceUserSchema,
});

export function identityPath(dir: string): string {
  return join(dir, identityFileName);
}

/** A project id that is also a valid CouchDB database name (starts with a letter). */
export function newProjectId(): string {
  return `fw-${randomUUID()}`;
}

/** "Amina Berisha" → "amina-berisha"; `fallback` when the name has no letter or digit to keep. */
export function userIdFor(name: string, fallback = 'user'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || fallback;
}

/**
 * The operating system's user, with a short random suffix on the id: two machines whose
 * accounts are both called "researcher" must not write as the same author.
 */
export function defaultUser(): WorkspaceUser {
  let name = 'researcher';
  try {
    name = userInfo().username || name;
  } catch {
    // No user database entry (some containers): keep the generic name.
  }
  return { id: `${userIdFor(name)}-${randomBytes(2).toString('hex')}`, name };
}

export function newIdentity(user: WorkspaceUser = defaultUser(), projectId = newProjectId()): WorkspaceIdentity {
  return { projectId, createdAt: new Date().toISOString(), user };
}

export type IdentityRead = { kind: 'ok'; identity: WorkspaceIdentity } | { kind: 'missing' } | { kind: 'damaged'; reason: string };

export function interpretIdentityText(text: string): IdentityRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: `not valid JSON (${(error as Error).message})` };
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > identityVersion) {
    throw new WorkbenchError(
      'CONFLICT',
      `${identityFileName} was written by a newer Field Workbench (schema ${version}; this version reads up to ${identityVersion}). Update the app to open this workspace.`,
    );
  }
  const parsed = IdentityFileSchema.safeParse(value);
  if (!parsed.success) return { kind: 'damaged', reason: `does not match the schema (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const { projectId, createdAt, user } = parsed.data;
  return { kind: 'ok', identity: { projectId, createdAt, user } };
}

export async function readIdentity(dir: string): Promise<IdentityRead & { text?: string }> {
  const text = await readTextIfExists(identityPath(dir));
  if (text === undefined) return { kind: 'missing' };
  return { ...interpretIdentityText(text), text };
}

export function serializeIdentity(identity: WorkspaceIdentity): string {
  return `${JSON.stringify({ schemaVersion: identityVersion, ...identity }, null, 2)}\n`;
}
