import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../api/errors';
import type { CollectionHandle } from '../store/types';
import { runCommand, type UndoStack } from '../undo/undo-stack';
import { nextTopicColor } from './topic-colors';
import { noTopicReferences, type RecodeReceipt, type TopicReferences } from './topic-references';
import { TopicSchema, type Topic, type TopicsData } from './topic-schema';
import { TopicTree } from './topic-tree';

export interface CreateTopicInput {
  name: string;
  parentId?: string;
  color?: string;
  description?: string;
}

export interface EditTopicInput {
  color?: string;
  description?: string;
}

/** What happens to the quotes coded with a topic that is deleted. */
export type DeleteTopicQuotes =
  | { quotes: 'uncode' }
  | { quotes: 'move-to-parent' }
  | { quotes: 'move-to'; targetId: string };

export interface TopicServiceOptions {
  undo?: UndoStack;
  newId?: () => string;
}

/**
 * The codebook. Every change is one write to the topics file (plus one to the annotations
 * file when quotes are recoded) and one undoable command.
 */
export class TopicService {
  private references: TopicReferences = noTopicReferences;
  private cachedTree: { source: Topic[]; length: number; tree: TopicTree } | undefined;
  private readonly undo: UndoStack | undefined;
  private readonly newId: () => string;

  constructor(
    private readonly handle: CollectionHandle<TopicsData>,
    options: TopicServiceOptions = {},
  ) {
    this.undo = options.undo;
    this.newId = options.newId ?? (() => `topic-${randomUUID()}`);
  }

  /** Wired after construction because the annotation service itself needs this service. */
  attachReferences(references: TopicReferences): void {
    this.references = references;
  }

  list(): readonly Topic[] {
    return this.handle.get().topics;
  }

  get(id: string): Topic | undefined {
    return this.tree().get(id);
  }

  require(id: string): Topic {
    const topic = this.get(id);
    if (!topic) throw new WorkbenchError('NOT_FOUND', `There is no topic with id ${id}. It may have been deleted.`, { topicId: id });
    return topic;
  }

  path(id: string): string {
    return this.tree().path(id);
  }

  /** The tree as it stands; rebuilt only when the topics changed. */
  tree(): TopicTree {
    const topics = this.handle.get().topics;
    const cached = this.cachedTree;
    if (cached && cached.source === topics && cached.length === topics.length) return cached.tree;
    const tree = new TopicTree(topics);
    this.cachedTree = { source: topics, length: topics.length, tree };
    return tree;
  }

  async create(input: CreateTopicInput): Promise<Topic> {
    const tree = this.tree();
    if (input.parentId !== undefined) this.require(input.parentId);
    const topic = parseTopic({
      id: this.newId(),
      name: input.name.trim(),
      parentId: input.parentId,
      color: input.color ?? nextTopicColor(this.list().length),
      description: input.description ?? '',
    });
    this.assertNameFree(tree, topic.parentId, topic.name);
    return runCommand(this.undo, {
      label: `Create topic ${topic.name}`,
      do: async () => {
        await this.write((data) => {
          data.topics.push({ ...topic });
        });
        return topic;
      },
      undo: () => this.write((data) => removeTopic(data, topic.id)),
    });
  }

  async rename(id: string, name: string): Promise<Topic> {
    const before = this.require(id);
    const after = parseTopic({ ...before, name: name.trim() });
    this.assertNameFree(this.tree(), before.parentId, after.name, id);
    return this.replaceCommand(`Rename topic ${before.name}`, before, after);
  }

  async edit(id: string, input: EditTopicInput): Promise<Topic> {
    const before = this.require(id);
    const after = parseTopic({ ...before, ...definedOnly(input) });
    return this.replaceCommand(`Edit topic ${before.name}`, before, after);
  }

  /** Moves a topic (with everything below it) under another parent, or to the top. */
  async move(id: string, newParentId: string | undefined): Promise<Topic> {
    const tree = this.tree();
    const before = this.require(id);
    if (newParentId !== undefined) {
      this.require(newParentId);
      if (tree.isSelfOrDescendant(id, newParentId)) {
        throw new WorkbenchError('BAD_REQUEST', `"${tree.path(id)}" cannot move under itself or one of its own subtopics.`);
      }
    }
    this.assertNameFree(tree, newParentId, before.name, id);
    const after = withParent(before, newParentId);
    return this.replaceCommand(`Move topic ${before.name}`, before, after);
  }

  /** Recodes every quote of `sourceId` to `targetId`, moves its subtopics there, removes it. */
  async merge(sourceId: string, targetId: string): Promise<void> {
    const tree = this.tree();
    const source = this.require(sourceId);
    this.require(targetId);
    if (tree.isSelfOrDescendant(sourceId, targetId)) {
      throw new WorkbenchError('BAD_REQUEST', `"${tree.path(sourceId)}" cannot be merged into itself or one of its own subtopics.`);
    }
    await this.removeCommand(`Merge topic ${source.name}`, source, targetId, targetId);
  }

  /** Deletes a topic; its subtopics move up to its parent, its quotes as `choice` says. */
  async delete(id: string, choice: DeleteTopicQuotes): Promise<void> {
    const topic = this.require(id);
    let quotesTo: string | undefined;
    if (choice.quotes === 'move-to-parent') {
      if (topic.parentId === undefined) {
        throw new WorkbenchError('BAD_REQUEST', `"${topic.name}" is a top-level topic: there is no parent to move its quotes to.`);
      }
      quotesTo = topic.parentId;
    } else if (choice.quotes === 'move-to') {
      this.require(choice.targetId);
      if (choice.targetId === id) throw new WorkbenchError('BAD_REQUEST', 'Choose another topic to move the quotes to.');
      quotesTo = choice.targetId;
    }
    await this.removeCommand(`Delete topic ${topic.name}`, topic, quotesTo, topic.parentId);
  }

  private async removeCommand(label: string, topic: Topic, quotesTo: string | undefined, childrenTo: string | undefined): Promise<void> {
    const tree = this.tree();
    const children = tree.children(topic.id).map((child) => ({ id: child.id, parentId: child.parentId }));
    for (const child of tree.children(topic.id)) {
      const clash = tree.siblingNamed(childrenTo, child.name, child.id);
      if (clash && clash.id !== topic.id) {
        throw new WorkbenchError('CONFLICT', `"${child.name}" would end up beside another topic of the same name. Rename one of them first.`);
      }
    }
    const index = this.list().findIndex((candidate) => candidate.id === topic.id);
    let receipt: RecodeReceipt = { previous: [] };
    await runCommand(this.undo, {
      label,
      do: async () => {
        receipt = await this.references.recode(topic.id, quotesTo);
        try {
          await this.write((data) => {
            for (const child of data.topics) {
              if (child.parentId === topic.id) setParent(child, childrenTo);
            }
            removeTopic(data, topic.id);
          });
        } catch (error) {
          await this.references.restore(receipt);
          throw error;
        }
      },
      undo: async () => {
        await this.write((data) => {
          data.topics.splice(Math.min(index, data.topics.length), 0, { ...topic });
          for (const child of children) {
            const stored = data.topics.find((candidate) => candidate.id === child.id);
            if (stored) setParent(stored, child.parentId);
          }
        });
        await this.references.restore(receipt);
      },
    });
  }

  private replaceCommand(label: string, before: Topic, after: Topic): Promise<Topic> {
    return runCommand(this.undo, {
      label,
      do: async () => {
        await this.write((data) => replaceTopic(data, after));
        return after;
      },
      undo: () => this.write((data) => replaceTopic(data, before)),
    });
  }

  private assertNameFree(tree: TopicTree, parentId: string | undefined, name: string, exceptId?: string): void {
    const clash = tree.siblingNamed(parentId, name, exceptId);
    if (clash) {
      const where = parentId === undefined ? 'at the top level' : `under "${tree.path(parentId)}"`;
      throw new WorkbenchError('CONFLICT', `There is already a topic called "${clash.name}" ${where}. Choose another name.`, { topicId: clash.id });
    }
  }

  private async write(mutator: (data: TopicsData) => void): Promise<void> {
    this.cachedTree = undefined;
    await this.handle.update(mutator);
    this.cachedTree = undefined;
  }
}

function parseTopic(candidate: unknown): Topic {
  const parsed = TopicSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new WorkbenchError('BAD_REQUEST', `The topic is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

function withParent(topic: Topic, parentId: string | undefined): Topic {
  const copy = { ...topic };
  setParent(copy, parentId);
  return copy;
}

/** Keeps the stored record free of `parentId: undefined`, which JSON would drop anyway. */
function setParent(topic: Topic, parentId: string | undefined): void {
  if (parentId === undefined) delete topic.parentId;
  else topic.parentId = parentId;
}

function replaceTopic(data: TopicsData, topic: Topic): void {
  const index = data.topics.findIndex((candidate) => candidate.id === topic.id);
  if (index !== -1) data.topics[index] = { ...topic };
}

function removeTopic(data: TopicsData, id: string): void {
  const index = data.topics.findIndex((candidate) => candidate.id === id);
  if (index !== -1) data.topics.splice(index, 1);
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
