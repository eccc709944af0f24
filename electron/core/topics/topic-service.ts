import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../api/errors';
import type { RecordSet, Transaction, Workspace } from '../store';
import { runCommand, type UndoStack } from '../undo/undo-stack';
import { nextTopicColor } from './topic-colors';
import { planTopicPath } from './topic-paths';
import { noTopicReferences, type RecodeReceipt, type TopicReferences } from './topic-references';
import { TopicSchema, topicsCollection, type Topic } from './topic-schema';
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
 * The codebook. Every change is one transaction (the topics it touches, plus the
 * annotations it recodes) and one undoable command.
 */
export class TopicService {
  private references: TopicReferences = noTopicReferences;
  private cachedTree: TopicTree | undefined;
  private readonly records: RecordSet<Topic>;
  private readonly undo: UndoStack | undefined;
  private readonly newId: () => string;

  constructor(
    private readonly workspace: Workspace,
    options: TopicServiceOptions = {},
  ) {
    this.records = workspace.records(topicsCollection);
    this.records.subscribe(() => {
      this.cachedTree = undefined;
    });
    this.undo = options.undo;
    this.newId = options.newId ?? (() => `topic-${randomUUID()}`);
  }

  /** Wired after construction because the annotation service itself needs this service. */
  attachReferences(references: TopicReferences): void {
    this.references = references;
  }

  list(): Topic[] {
    return [...this.records.values()];
  }

  get count(): number {
    return this.records.size;
  }

  get(id: string): Topic | undefined {
    return this.records.get(id);
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
    this.cachedTree ??= new TopicTree(this.list());
    return this.cachedTree;
  }

  async create(input: CreateTopicInput): Promise<Topic> {
    const topic = parseTopic({
      id: this.newId(),
      name: input.name.trim(),
      parentId: input.parentId,
      color: input.color ?? nextTopicColor(this.count),
      description: input.description ?? '',
    });
    return runCommand(this.undo, {
      label: `Create topic ${topic.name}`,
      do: () =>
        this.workspace.transact((tx) => {
          const tree = this.tree();
          if (topic.parentId !== undefined) this.require(topic.parentId);
          assertNameFree(tree, topic.parentId, topic.name);
          tx.put(topicsCollection, topic);
          return topic;
        }),
      undo: () => this.workspace.transact((tx) => void tx.delete(topicsCollection, topic.id)),
    });
  }

  /**
   * Stages one new topic inside someone else's transaction (an import of a codebook that
   * creates many at once). The caller checks that the name is free under its parent among
   * what it staged; the parent must exist or be staged before.
   */
  stageTopic(tx: Transaction, input: CreateTopicInput & { stagedCount?: number }): Topic {
    const topic = parseTopic({
      id: this.newId(),
      name: input.name.trim(),
      parentId: input.parentId,
      color: input.color ?? nextTopicColor(this.count + (input.stagedCount ?? 0)),
      description: input.description ?? '',
    });
    if (topic.parentId !== undefined && !tx.get(topicsCollection, topic.parentId)) this.require(topic.parentId);
    tx.put(topicsCollection, topic);
    return topic;
  }

  /**
   * Stages the topics a list of paths ("Security / Trust in police") needs that do not
   * exist yet, parents first, inside someone else's transaction. Returns the id each path
   * ends at and the topics staged.
   */
  stagePaths(tx: Transaction, paths: readonly string[]): { ids: string[]; created: Topic[] } {
    const created: Topic[] = [];
    const ids: string[] = [];
    let tree = this.tree();
    for (const path of paths) {
      const plan = planTopicPath(tree, path);
      let parentId = plan.existingId;
      for (const name of plan.missing) {
        const topic = parseTopic({ id: this.newId(), name, parentId, color: nextTopicColor(this.count + created.length), description: '' });
        tx.put(topicsCollection, topic);
        created.push(topic);
        parentId = topic.id;
      }
      if (plan.missing.length > 0) tree = new TopicTree([...this.list(), ...created]);
      if (parentId && !ids.includes(parentId)) ids.push(parentId);
    }
    return { ids, created };
  }

  /** Inside another area's undo (auto-coding taken back): removes a topic that change created, if nothing else uses it. */
  stageDeletion(tx: Transaction, id: string): void {
    if (tx.get(topicsCollection, id)) tx.delete(topicsCollection, id);
  }

  async rename(id: string, name: string): Promise<Topic> {
    const before = this.require(id);
    const after = parseTopic({ ...before, name: name.trim() });
    return this.replaceCommand(`Rename topic ${before.name}`, before, after, () => assertNameFree(this.tree(), before.parentId, after.name, id));
  }

  async edit(id: string, input: EditTopicInput): Promise<Topic> {
    const before = this.require(id);
    const after = parseTopic({ ...before, ...definedOnly(input) });
    return this.replaceCommand(`Edit topic ${before.name}`, before, after, () => undefined);
  }

  /** Moves a topic (with everything below it) under another parent, or to the top. */
  async move(id: string, newParentId: string | undefined): Promise<Topic> {
    const before = this.require(id);
    const after = withParent(before, newParentId);
    return this.replaceCommand(`Move topic ${before.name}`, before, after, () => {
      const tree = this.tree();
      if (newParentId !== undefined) {
        this.require(newParentId);
        if (tree.isSelfOrDescendant(id, newParentId)) {
          throw new WorkbenchError('BAD_REQUEST', `"${tree.path(id)}" cannot move under itself or one of its own subtopics.`);
        }
      }
      assertNameFree(tree, newParentId, before.name, id);
    });
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

  /** One transaction: quotes recoded, subtopics moved, the topic removed; undo puts all of it back. */
  private async removeCommand(label: string, topic: Topic, quotesTo: string | undefined, childrenTo: string | undefined): Promise<void> {
    const tree = this.tree();
    const children = tree.children(topic.id).map((child) => ({ id: child.id, parentId: child.parentId }));
    for (const child of tree.children(topic.id)) {
      const clash = tree.siblingNamed(childrenTo, child.name, child.id);
      if (clash && clash.id !== topic.id) {
        throw new WorkbenchError('CONFLICT', `"${child.name}" would end up beside another topic of the same name. Rename one of them first.`);
      }
    }
    let receipt: RecodeReceipt = { previous: [] };
    await runCommand(this.undo, {
      label,
      do: () =>
        this.workspace.transact((tx) => {
          receipt = this.references.recode(tx, topic.id, quotesTo);
          for (const child of children) {
            const stored = this.get(child.id);
            if (stored) tx.put(topicsCollection, withParent(stored, childrenTo));
          }
          tx.delete(topicsCollection, topic.id);
        }),
      undo: () =>
        this.workspace.transact((tx) => {
          tx.put(topicsCollection, topic);
          for (const child of children) {
            const stored = this.get(child.id);
            if (stored) tx.put(topicsCollection, withParent(stored, child.parentId));
          }
          this.references.restore(tx, receipt);
        }),
    });
  }

  private replaceCommand(label: string, before: Topic, after: Topic, check: () => void): Promise<Topic> {
    return runCommand(this.undo, {
      label,
      do: () =>
        this.workspace.transact((tx) => {
          this.require(before.id);
          check();
          tx.put(topicsCollection, after);
          return after;
        }),
      undo: () => this.workspace.transact((tx) => void tx.put(topicsCollection, before)),
    });
  }
}

function assertNameFree(tree: TopicTree, parentId: string | undefined, name: string, exceptId?: string): void {
  const clash = tree.siblingNamed(parentId, name, exceptId);
  if (clash) {
    const where = parentId === undefined ? 'at the top level' : `under "${tree.path(parentId)}"`;
    throw new WorkbenchError('CONFLICT', `There is already a topic called "${clash.name}" ${where}. Choose another name.`, { topicId: clash.id });
  }
}

function parseTopic(candidate: unknown): Topic {
  const parsed = TopicSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new WorkbenchError('BAD_REQUEST', `The topic is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** A copy with the new parent; `parentId: undefined` is left out, as JSON would. */
function withParent(topic: Topic, parentId: string | undefined): Topic {
  const { parentId: _old, ...rest } = topic;
  return parentId === undefined ? rest : { ...rest, parentId };
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
