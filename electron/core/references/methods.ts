import { z } from 'zod';
import { method } from '../api/method';
import type { CslData } from './csl-data';
import type { ReferenceFormat } from './read-reference-file';

/** A reference as listed: its CSL-JSON item (whose `id` is the citation key) and what the Library shows. */
export interface ReferenceView {
  id: string;
  citationKey: string;
  item: CslData;
  /** "Judah, Tim; Kosovar Centre for Security Studies" */
  authors: string;
  year?: number;
  sources: Array<{ fileName: string; format: ReferenceFormat; key?: string }>;
  addedAt: string;
}

/** What a reference file brought in, and why each entry that did not add one did not. */
export interface ReferenceImportSummary {
  format: ReferenceFormat;
  added: number;
  merged: number;
  skipped: number;
  /** The keys of the references added or merged into, in file order. */
  keys: string[];
  /** One line per entry that merged or was skipped: "Judah2008 → judah2008: same DOI". */
  details: string[];
  /** "added 3, merged 1 (same DOI or title, first author and year), skipped 0" */
  summary: string;
}

/** A draft citing a reference, and how many times. */
export interface CitingDraftView {
  draftId: string;
  title: string;
  citations: number;
  trashed: boolean;
}

export interface ReferencesChangedEvent {
  ids: string[];
}

const referenceId = z.string().regex(/^ref-[a-z0-9]+$/, 'Not the id of a reference (they start with “ref-”); see `workbench references`');

export const referencesMethods = {
  /** The reference library, sorted by first author and year; `query` keeps those whose key, authors, title or year contain its words. */
  'references.list': method<ReferenceView[]>()(z.object({ query: z.string().max(200).optional() }).strict()),
  /**
   * Deletes a reference; `references.undo` brings it back. A reference drafts cite is refused
   * (CONFLICT, `details.citedIn` naming the drafts) unless `cited: 'delete'`: those citations
   * then show as not found until it is brought back.
   */
  'references.delete': method<{ deleted: ReferenceView; citedIn: CitingDraftView[] }>()(z.object({ id: referenceId, cited: z.enum(['delete']).optional() }).strict()),
  /** The drafts that cite a reference, trashed ones marked. */
  'references.citedIn': method<CitingDraftView[]>()(z.object({ id: referenceId }).strict()),
  /** Takes back the last deletion made in this session. */
  'references.undo': method<{ undone: boolean; canUndo: boolean }>()(z.object({}).strict()),
};

declare module '../api/contract' {
  interface EventPayloads {
    'references.changed': ReferencesChangedEvent;
  }
}
