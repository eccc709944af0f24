import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { WorkbenchError } from '../api/errors';
import { canonicalJson } from '../store/canonical-json';
import type { RecordSet, Workspace } from '../store';
import { foldDiacritics } from '../../common/text/fold';
import { UndoStack } from '../undo';
import { generatedKey, uniqueKey } from './citation-key';
import type { CslData } from './csl-data';
import { duplicateKeys, mergeItems } from './duplicates';
import type { CitingDraftView, ReferenceImportSummary, ReferenceView } from './methods';
import { issuedYear, normalizeItem } from './normalize';
import { parseReferenceFile, referenceFormatName, type ReferenceFormat } from './read-reference-file';
import { referencesCollection, type ReferenceRecord } from './record';

/** Reference files are text; beyond this they are not a library export. */
export const MAX_REFERENCE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The reference library: works cited by key, kept as CSL-JSON items. Imports merge duplicates
 * (same DOI, or same title, first author and year) into one reference, within a file and
 * with what is already there; an import is one transaction, and re-importing a file writes
 * nothing.
 */
export class ReferenceLibrary {
  readonly records: RecordSet<ReferenceRecord>;
  private readonly undo = new UndoStack({ limit: 50 });
  private citingDrafts: (referenceId: string) => CitingDraftView[] = () => [];

  constructor(
    private readonly workspace: Workspace,
    /** Ids a new key must not take (the corpus's documents: exports key documents by id). */
    private readonly reservedKeys: () => Iterable<string> = () => [],
  ) {
    this.records = workspace.records(referencesCollection);
  }

  list(query?: string): ReferenceView[] {
    const words = foldDiacritics(query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return this.records
      .all()
      .map(toView)
      .filter((view) => words.length === 0 || words.every((word) => searchableText(view).includes(word)))
      .sort((a, b) => a.authors.localeCompare(b.authors) || (a.year ?? 0) - (b.year ?? 0) || a.citationKey.localeCompare(b.citationKey));
  }

  get(id: string): ReferenceRecord | undefined {
    return this.records.get(id);
  }

  byKey(key: string): ReferenceRecord | undefined {
    return this.records.all().find((record) => record.citationKey === key);
  }

  /** The CSL item exports and citeproc get: the stored item with the citation key as its id. */
  cslItem(record: ReferenceRecord): CslData {
    return { id: record.citationKey, ...record.item } as CslData;
  }

  async importFile(filePath: string, fileName: string, format: ReferenceFormat): Promise<ReferenceImportSummary> {
    if (this.workspace.readOnly) throw new WorkbenchError('LOCKED', `“${fileName}” cannot be imported: this workspace is open read-only.`);
    const size = (await stat(filePath)).size;
    if (size > MAX_REFERENCE_FILE_BYTES) {
      throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is ${Math.round(size / 1024 / 1024)} MB; a reference file can be at most ${MAX_REFERENCE_FILE_BYTES / 1024 / 1024} MB. Export the library in parts (a collection at a time).`);
    }
    const text = await readFile(filePath, 'utf8');
    const parsed = await parseReferenceFile(text, fileName, format);
    let summary: ReferenceImportSummary | undefined;
    await this.workspace.transact((tx) => {
      // Planned inside the transaction, so it sees what other processes wrote just before.
      const plan = this.plan(parsed.entries, fileName, format);
      for (const record of plan.changed) tx.put(referencesCollection, record);
      summary = plan.summary;
    });
    return summary!;
  }

  private plan(entries: Awaited<ReturnType<typeof parseReferenceFile>>['entries'], fileName: string, format: ReferenceFormat): { changed: ReferenceRecord[]; summary: ReferenceImportSummary } {
    const byDuplicateKey = new Map<string, string>();
    const taken = new Set<string>([...this.reservedKeys()].map((key) => key.toLowerCase()));
    for (const record of this.records.all()) {
      taken.add(record.citationKey.toLowerCase());
      for (const key of duplicateKeys(this.cslItem(record))) byDuplicateKey.set(key, record.id);
    }
    const staged = new Map<string, ReferenceRecord>();
      const keys: string[] = [];
    const details: string[] = [];
    let added = 0;
    let merged = 0;
    let skipped = 0;
    const now = new Date().toISOString();

    entries.forEach((entry, index) => {
      const label = entry.sourceKey ?? `entry ${index + 1}`;
      const item = normalizeItem(entry.item, 'new');
      if (!item) {
        skipped++;
        details.push(`${label}: skipped, it has no title`);
        return;
      }
      const source = { fileName, format, ...(entry.sourceKey ? { key: entry.sourceKey } : {}) };
      const duplicates = duplicateKeys(item);
      const matchKey = duplicates.find((key) => byDuplicateKey.has(key));
      if (matchKey) {
        const id = byDuplicateKey.get(matchKey)!;
        const current = staged.get(id) ?? this.records.get(id)!;
        const next: ReferenceRecord = {
          ...current,
          item: stripId(mergeItems(this.cslItem(current), item)),
          sources: current.sources.some((known) => canonicalJson(known) === canonicalJson(source)) ? current.sources : [...current.sources, source].slice(-200),
        };
        for (const key of duplicates) byDuplicateKey.set(key, id);
        keys.push(current.citationKey);
        const why = matchKey.startsWith('doi:') ? 'same DOI' : 'same title, first author and year';
        if (canonicalJson(next) === canonicalJson(current)) {
          skipped++;
          details.push(`${label}: skipped, already in the library as ${current.citationKey} (${why})`);
          return;
        }
        staged.set(id, next);
        merged++;
        details.push(`${label}: merged into ${current.citationKey} (${why})`);
        return;
      }
      const citationKey = uniqueKey(entry.sourceKey ?? generatedKey(item), (key) => taken.has(key.toLowerCase()));
      taken.add(citationKey.toLowerCase());
      const id = this.newId(duplicates[0] ?? canonicalJson(item), staged);
      staged.set(id, { id, citationKey, item: stripId(item), sources: [source], addedAt: now });
      for (const key of duplicates) byDuplicateKey.set(key, id);
      keys.push(citationKey);
      added++;
      if (entry.sourceKey && citationKey !== entry.sourceKey) details.push(`${label}: added as ${citationKey} (the key ${entry.sourceKey} was taken)`);
    });

    const name = referenceFormatName(format);
    const summary = `${name}: added ${added}, merged ${merged}, skipped ${skipped}${merged + skipped > 0 ? ' (duplicates: same DOI, or same title, first author and year)' : ''}`;
    return { changed: [...staged.values()], summary: { format, added, merged, skipped, keys: [...new Set(keys)], details, summary } };
  }

  /** A stable id from what makes the work itself (two replicas importing it agree); another if taken by a different work. */
  private newId(basis: string, staged: Map<string, ReferenceRecord>): string {
    const hash = createHash('sha256').update(basis).digest('hex');
    for (let length = 12; ; length++) {
      const id = `ref-${hash.slice(0, length)}`;
      if (!staged.has(id) && !this.records.get(id) && !this.records.entry(id)) return id;
      if (length >= hash.length) return `ref-${hash}${staged.size}`;
    }
  }

  /** The drafts area says which drafts cite a reference (the library never reads drafts). */
  attachCitations(query: (referenceId: string) => CitingDraftView[]): void {
    this.citingDrafts = query;
  }

  citedIn(id: string): CitingDraftView[] {
    return this.citingDrafts(id);
  }

  async delete(id: string, cited?: 'delete'): Promise<{ deleted: ReferenceView; citedIn: CitingDraftView[] }> {
    const record = this.records.get(id);
    if (!record) throw new WorkbenchError('NOT_FOUND', `No reference “${id}”; see the list with \`workbench references\`.`);
    const citedIn = this.citedIn(id);
    if (citedIn.length > 0 && cited !== 'delete') {
      const names = citedIn.map((draft) => `“${draft.title}”${draft.trashed ? ' (in the trash)' : ''}`).join(', ');
      throw new WorkbenchError('CONFLICT', `${record.citationKey} is cited in ${citedIn.length === 1 ? 'a draft' : `${citedIn.length} drafts`}: ${names}. Deleted, those citations would show as not found; delete it anyway to confirm.`, { citedIn });
    }
    await this.undo.execute({
      label: `Delete reference ${record.citationKey}`,
      do: async () => {
        await this.workspace.transact((tx) => tx.delete(referencesCollection, id));
      },
      undo: async () => {
        await this.workspace.transact((tx) => tx.put(referencesCollection, record));
      },
    });
    return { deleted: toView(record), citedIn };
  }

  async undoLast(): Promise<{ undone: boolean; canUndo: boolean }> {
    const undone = await this.undo.undo();
    return { undone, canUndo: this.undo.canUndo };
  }
}

function stripId(item: CslData): ReferenceRecord['item'] {
  const { id: _id, ...rest } = item;
  return rest as ReferenceRecord['item'];
}

function nameText(name: { family?: string; given?: string; literal?: string }): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(', ');
}

export function toView(record: ReferenceRecord): ReferenceView {
  const item = { id: record.citationKey, ...record.item } as CslData;
  const names = item.author ?? item.editor ?? [];
  const year = issuedYear(item);
  return {
    id: record.id,
    citationKey: record.citationKey,
    item,
    authors: names.map(nameText).join('; '),
    ...(year === undefined ? {} : { year }),
    sources: record.sources,
    addedAt: record.addedAt,
  };
}

/** What the filter box matches, folded so that "vucic" finds Vučić. */
function searchableText(view: ReferenceView): string {
  return foldDiacritics(`${view.citationKey} ${view.authors} ${view.item.title} ${view.year ?? ''} ${view.item.type}`).toLowerCase();
}
