import { nameKey } from '../text/name-key';
import { topicPathSeparator, type Topic } from './topic-schema';

export { nameKey } from '../text/name-key';

/**
 * Read-only questions about the topic tree. Built from a snapshot of the topics; cheap
 * enough (one pass) to rebuild whenever the codebook changes.
 */
export class TopicTree {
  private readonly byId = new Map<string, Topic>();
  private readonly childrenOf = new Map<string | undefined, Topic[]>();

  constructor(topics: readonly Topic[]) {
    for (const topic of topics) this.byId.set(topic.id, topic);
    for (const topic of topics) {
      // A parent that no longer exists would hide the topic; show it at the top instead.
      const parentKey = topic.parentId !== undefined && this.byId.has(topic.parentId) ? topic.parentId : undefined;
      const siblings = this.childrenOf.get(parentKey) ?? [];
      siblings.push(topic);
      this.childrenOf.set(parentKey, siblings);
    }
  }

  get(id: string): Topic | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  children(parentId: string | undefined): readonly Topic[] {
    return this.childrenOf.get(parentId) ?? [];
  }

  /** The chain from the root down to the topic itself. */
  ancestry(id: string): Topic[] {
    const chain: Topic[] = [];
    const seen = new Set<string>();
    for (let topic = this.byId.get(id); topic && !seen.has(topic.id); topic = topic.parentId ? this.byId.get(topic.parentId) : undefined) {
      seen.add(topic.id);
      chain.unshift(topic);
    }
    return chain;
  }

  /** "Security / Trust in police" */
  path(id: string): string {
    return this.ancestry(id)
      .map((topic) => topic.name)
      .join(topicPathSeparator);
  }

  /** All topics below `id`, not including it. */
  descendants(id: string): Topic[] {
    const found: Topic[] = [];
    const pending = [...this.children(id)];
    while (pending.length > 0) {
      const topic = pending.pop()!;
      found.push(topic);
      pending.push(...this.children(topic.id));
    }
    return found;
  }

  /** True when `candidate` is `id` itself or lies below it. */
  isSelfOrDescendant(id: string, candidate: string): boolean {
    return this.ancestry(candidate).some((topic) => topic.id === id);
  }

  /** A sibling under `parentId` already called `name` (case and spacing ignored). */
  siblingNamed(parentId: string | undefined, name: string, exceptId?: string): Topic | undefined {
    const key = nameKey(name);
    return this.children(parentId).find((topic) => topic.id !== exceptId && nameKey(topic.name) === key);
  }
}

