import { WorkbenchError } from '../api/errors';
import { defaultCitationStyle, type CitationStyleId } from '../citations/styles';
import type { RecordChange, RecordSet, Workspace } from '../store';
import { countWords, collectCitations } from './content';
import { DraftContentSchema, draftsCollection, emptyDraftContent, type CitationAttrs, type Draft, type DraftContent, type DraftSummary, type TiptapNode } from './model';
import { citationNodeName } from '../../common/drafts/citation-name';

export interface DraftServiceOptions {
  /** Injected so tests can pin time; ISO strings are what the store keeps. */
  now?: () => Date;
  newId?: () => string;
}

export interface CreateDraftInput {
  title?: string;
  style?: CitationStyleId;
  content?: DraftContent;
}

export interface SaveContentResult {
  id: string;
  updatedAt: string;
}

const untitled = 'Untitled draft';

/**
 * Drafts, one record each. Every change is one journal line written and synced before it
 * resolves, so a crash keeps the last acknowledged autosave. Autosave calls `saveContent`
 * freely: saves made in the same turn share one write.
 */
export class DraftService {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly records: RecordSet<Draft>;

  constructor(
    private readonly workspace: Workspace,
    options: DraftServiceOptions = {},
  ) {
    this.records = workspace.records(draftsCollection);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => `draft-${globalThis.crypto.randomUUID()}`);
  }

  /** Called after drafts change, here or in another process. */
  onChange(listener: (changes: Array<RecordChange<Draft>>) => void): () => void {
    return this.records.subscribe((changes) => listener(changes));
  }

  /** Every draft, trashed ones included (for search and exports). */
  all(): Draft[] {
    return [...this.records.values()];
  }

  /**
   * The drafts that cite an annotation (or a reference), with how many times: the annotations
   * area (and the reference library) asks before deleting one. Drafts not in the trash first, most recently edited first.
   */
  citing(targetId: string, kind: 'annotation' | 'reference' = 'annotation'): Array<{ draftId: string; title: string; citations: number; trashed: boolean }> {
    return this.all()
      .map((draft) => ({ draft, citations: collectCitations(draft.content).filter((ref) => ref.target.kind === kind && ref.target.id === targetId).length }))
      .filter(({ citations }) => citations > 0)
      .sort((a, b) => Number(a.draft.trashedAt !== undefined) - Number(b.draft.trashedAt !== undefined) || b.draft.updatedAt.localeCompare(a.draft.updatedAt))
      .map(({ draft, citations }) => ({ draftId: draft.id, title: draft.title, citations, trashed: draft.trashedAt !== undefined }));
  }

  /** Drafts not in the trash, most recently edited first. */
  list(): DraftSummary[] {
    return this.summaries((draft) => draft.trashedAt === undefined);
  }

  listTrash(): DraftSummary[] {
    return this.summaries((draft) => draft.trashedAt !== undefined);
  }

  /** The stored draft, not a copy (treat it as read-only), or undefined. */
  find(id: string): Draft | undefined {
    return this.records.get(id);
  }

  /** A copy the caller may change. Damaged drafts never get here: the store sets them aside on load. */
  get(id: string): Draft {
    const draft = this.records.get(id);
    if (!draft) throw new WorkbenchError('NOT_FOUND', `No draft with id "${id}". It may have been purged from the trash.`);
    return structuredClone(draft);
  }

  async create(input: CreateDraftInput = {}): Promise<Draft> {
    const stamp = this.now().toISOString();
    const draft: Draft = {
      id: this.newId(),
      title: cleanTitle(input.title),
      content: input.content ? validContent(input.content) : emptyDraftContent(),
      style: input.style ?? defaultCitationStyle,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await this.workspace.transact((tx) => tx.put(draftsCollection, draft));
    return structuredClone(draft);
  }

  async rename(id: string, title: string): Promise<Draft> {
    return this.change(id, (draft) => {
      draft.title = cleanTitle(title);
    });
  }

  async setStyle(id: string, style: CitationStyleId): Promise<Draft> {
    return this.change(id, (draft) => {
      draft.style = style;
    });
  }

  /** Autosave. `content` is the editor's whole document; it replaces what was stored. */
  async saveContent(id: string, content: DraftContent): Promise<SaveContentResult> {
    const valid = validContent(content);
    const current = this.get(id);
    if (current.trashedAt !== undefined) throw new WorkbenchError('CONFLICT', `The draft "${current.title}" is in the trash; restore it before editing.`);
    const saved = await this.change(id, (draft) => {
      draft.content = valid;
    });
    return { id: saved.id, updatedAt: saved.updatedAt };
  }

  /** Appends a paragraph holding one citation (its target already checked by the caller). */
  async appendCitation(id: string, attrs: CitationAttrs): Promise<Draft> {
    const current = this.get(id);
    if (current.trashedAt !== undefined) throw new WorkbenchError('CONFLICT', `The draft "${current.title}" is in the trash; restore it before editing.`);
    return this.change(id, (draft) => {
      const paragraph = { type: 'paragraph', content: [{ type: citationNodeName, attrs: { ...attrs } }] };
      const blocks = draft.content.content;
      const last = blocks[blocks.length - 1];
      // An empty last paragraph (a new draft's) takes the citation rather than staying blank above it.
      if (last && last.type === 'paragraph' && !(last.content?.length ?? 0)) blocks[blocks.length - 1] = paragraph;
      else blocks.push(paragraph);
      draft.content = validContent(draft.content);
    });
  }

  /** Appends blocks (a table and its caption) at the end of a draft; their citations are checked by the caller. */
  async appendBlocks(id: string, blocks: TiptapNode[]): Promise<Draft> {
    const current = this.get(id);
    if (current.trashedAt !== undefined) throw new WorkbenchError('CONFLICT', `The draft "${current.title}" is in the trash; restore it before editing.`);
    return this.change(id, (draft) => {
      const existing = draft.content.content;
      const last = existing[existing.length - 1];
      // A new draft's empty paragraph gives way, as for a citation; a paragraph after the table keeps a place to type.
      if (last && last.type === 'paragraph' && !(last.content?.length ?? 0)) existing.pop();
      existing.push(...structuredClone(blocks), { type: 'paragraph' });
      draft.content = validContent(draft.content);
    });
  }

  async duplicate(id: string): Promise<Draft> {
    const source = this.get(id);
    return this.create({ title: `${source.title} (copy)`, style: source.style, content: source.content });
  }

  async trash(id: string): Promise<Draft> {
    return this.change(id, (draft) => {
      draft.trashedAt = this.now().toISOString();
    });
  }

  async restore(id: string): Promise<Draft> {
    return this.change(id, (draft) => {
      delete draft.trashedAt;
    });
  }

  /** Deletes for good. Only drafts already in the trash can be purged, so one click never loses work. */
  async purge(id: string): Promise<void> {
    const draft = this.get(id);
    if (draft.trashedAt === undefined) throw new WorkbenchError('CONFLICT', `Move "${draft.title}" to the trash before deleting it for good.`);
    await this.workspace.transact((tx) => void tx.delete(draftsCollection, id));
  }

  private summaries(keep: (draft: Draft) => boolean): DraftSummary[] {
    return this.all()
      .filter(keep)
      .map(({ content, ...rest }) => ({ ...rest, citationCount: collectCitations(content).length, wordCount: countWords(content) }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async change(id: string, mutate: (draft: Draft) => void): Promise<Draft> {
    this.get(id); // fail with NOT_FOUND before queueing a write
    const saved = await this.workspace.transact((tx) => {
      const stored = tx.get(draftsCollection, id);
      if (!stored) throw new WorkbenchError('NOT_FOUND', `No draft with id "${id}".`);
      const draft = structuredClone(stored);
      mutate(draft);
      draft.updatedAt = laterThan(this.now().toISOString(), stored.updatedAt);
      tx.put(draftsCollection, draft);
      return draft;
    });
    return structuredClone(saved);
  }
}

function cleanTitle(title: string | undefined): string {
  const trimmed = title?.trim();
  return trimmed ? trimmed : untitled;
}

function validContent(content: DraftContent): DraftContent {
  const parsed = DraftContentSchema.safeParse(content);
  if (!parsed.success) {
    throw new WorkbenchError('BAD_REQUEST', `The draft's content is not a valid document: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
  }
  return structuredClone(parsed.data);
}

/** Two saves within the same millisecond must still order: never let updatedAt go backwards or stand still. */
function laterThan(candidate: string, previous: string): string {
  if (candidate > previous) return candidate;
  return new Date(Date.parse(previous) + 1).toISOString();
}
