import { z } from 'zod';
import { defineCollection } from '../store/collection-definition';

/**
 * Where this workspace syncs, and how the last sync went. Kept in the workspace (the address
 * is not secret) but never sent anywhere; credentials are never kept here (the CLI takes
 * them from the environment or a file, the app from the system keychain).
 */
export const SyncSettingsSchema = z.object({
  id: z.literal('server'),
  url: z.string().url(),
  lastSync: z
    .object({
      at: z.string(),
      pushed: z.number().int().nonnegative(),
      added: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
      conflicts: z.number().int().nonnegative(),
    })
    .optional(),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export const syncSettingsCollection = defineCollection({ name: 'sync-settings', version: 2, schema: SyncSettingsSchema });

/** A server URL the user may configure: http(s), no credentials in it, no query or fragment. */
export function checkServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`“${raw}” is not a web address. Give the server's address, such as https://couch.example.org:6984.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The server's address must start with http:// or https://, not ${url.protocol}.`);
  if (url.username || url.password) throw new Error('Leave the name and password out of the address: they would be kept in the workspace in clear. Give them with --login and --password-file (or WORKBENCH_SYNC_USER and WORKBENCH_SYNC_PASSWORD).');
  if (url.search || url.hash) throw new Error('The server address takes no query or fragment.');
  return url;
}
