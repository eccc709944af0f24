import { WorkbenchError } from '../api/errors';
import type { TopicTree } from './topic-tree';

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
export interface TopicPathPlan {
  existingId: string | undefined;
  missing: string[];
}

export function planTopicPath(tree: TopicTree, path: string): TopicPathPlan {
  let parentId: string | undefined;
  const names = splitTopicPath(path);
  for (let level = 0; level < names.length; level += 1) {
    const found = tree.siblingNamed(parentId, names[level]!);
    if (!found) return { existingId: parentId, missing: names.slice(level) };
    parentId = found.id;
  }
  return { existingId: parentId, missing: [] };
}
