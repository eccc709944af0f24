import { WorkbenchError } from '../../api/errors';
import type { TopicService } from '../../topics/topic-service';

/** "Security / Trust in police" → ["Security", "Trust in police"]. */
export function splitTopicPath(path: string): string[] {
  const names = path
    .split(/\s+\/\s+/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length > 0);
  if (names.length === 0) throw new WorkbenchError('BAD_REQUEST', `"${path}" is not a topic name.`);
  for (const name of names) {
    if (name.length > 200) throw new WorkbenchError('BAD_REQUEST', `The topic name "${name.slice(0, 40)}…" is too long (200 characters at most).`);
  }
  return names;
}

/** A topic path that exists up to some level; the rest must be created. */
interface TopicPathPlan {
  existingId: string | undefined;
  missing: string[];
}

function plan(topics: TopicService, path: string): TopicPathPlan {
  const tree = topics.tree();
  let parentId: string | undefined;
  const names = splitTopicPath(path);
  for (let level = 0; level < names.length; level += 1) {
    const found = tree.siblingNamed(parentId, names[level]!);
    if (!found) return { existingId: parentId, missing: names.slice(level) };
    parentId = found.id;
  }
  return { existingId: parentId, missing: [] };
}

/**
 * Checks topic paths without writing: call before anything else is written so that a bad
 * path fails the whole command. Returns how many topics `ensureTopicPaths` would create.
 */
export function checkTopicPaths(topics: TopicService, paths: readonly string[]): number {
  return paths.reduce((count, path) => count + plan(topics, path).missing.length, 0);
}

/** Resolves topic paths to ids, creating the missing levels (each an undoable command). */
export async function ensureTopicPaths(topics: TopicService, paths: readonly string[]): Promise<{ ids: string[]; created: string[] }> {
  const ids: string[] = [];
  const created: string[] = [];
  for (const path of paths) {
    let { existingId, missing } = plan(topics, path);
    for (const name of missing) {
      const topic = await topics.create({ name, ...(existingId ? { parentId: existingId } : {}) });
      created.push(topic.id);
      existingId = topic.id;
    }
    if (existingId && !ids.includes(existingId)) ids.push(existingId);
  }
  return { ids, created };
}
