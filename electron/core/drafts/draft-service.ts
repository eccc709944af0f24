import { WorkbenchError } from '../api/errors';
import { defaultCitationStyle, type CitationStyleId } from '../citations/styles';
import type { CollectionHandle } from '../store/types';
import { countWords, collectCitations } from './content';
import { DraftContentSchema, DraftSchema, emptyDraftContent, type Draft, type DraftContent, type DraftsCollection, type DraftSummary } from './model';

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
 * Drafts live in one collection file. Every change goes through `CollectionHandle.update`,
 * which writes atomically (temp file + rename), so a crash leaves either the previous or
 * the new file on disk, never half of one. Autosave calls `saveContent` freely: the store
 * coalesces bursts into one write.
 */
export class DraftService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly collection: CollectionHandle<DraftsCollection>,
    options: DraftServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => `draft-${globalThis.crypto.randomUUID()}`);
  }

  /** Drafts not in the trash, most recently edited first. */
  list(): DraftSummary[] {
    return this.summaries((draft) => draft.trashedAt === undefined);
  }

  listTrash(): DraftSummary[] {
    return this.summaries((draft) => draft.trashedAt !== undefined);
  }

  get(id: string): Draft {
    const draft = this.collection.get().drafts.find((d) => d.id === id);
    if (!draft) throw new WorkbenchError('NOT_FOUND', `No draft with id "${id}". It may have been purged from the trash.`);
    // The store checks only the file's envelope; a damaged record must not reach the editor.
    const parsed = DraftSchema.safeParse(draft);
    if (!parsed.success) {
      throw new WorkbenchError('CORRUPT', `The draft "${String((draft as { title?: unknown }).title ?? id)}" is damaged in the workspace file and cannot be opened. Restore it from a backup.`, {
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    return structuredClone(parsed.data);
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
    await this.collection.update((data) => {
      data.drafts.push(draft);
    });
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
    await this.collection.update((data) => {
      data.drafts = data.drafts.filter((d) => d.id !== id);
    });
  }

  private summaries(keep: (draft: Draft) => boolean): DraftSummary[] {
    return this.collection
      .get()
      // Damaged records are left in the file (never silently dropped) but kept out of lists.
      .drafts.filter((draft) => DraftSchema.safeParse(draft).success)
      .filter(keep)
      .map(({ content, ...rest }) => ({ ...rest, citationCount: collectCitations(content).length, wordCount: countWords(content) }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async change(id: string, mutate: (draft: Draft) => void): Promise<Draft> {
    this.get(id); // fail with NOT_FOUND before queueing a write
    let result: Draft | undefined;
    await this.collection.update((data) => {
      const draft = data.drafts.find((d) => d.id === id);
      if (!draft) throw new WorkbenchError('NOT_FOUND', `No draft with id "${id}".`);
      mutate(draft);
      draft.updatedAt = laterThan(this.now().toISOString(), draft.updatedAt);
      result = structuredClone(draft);
    });
    return result!;
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
