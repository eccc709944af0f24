import { WorkbenchError } from '../api/errors.js';
import type { AnnotationsFace } from '../annotations/index.js';
import type { CoreContext } from '../core-context.js';
import type { RecordSet, Transaction } from '../store/index.js';
import { attributeNameProblem, caseId, casesCollection, CaseRecordSchema, speakerKey, type CaseRecord } from './case-record.js';
import type { AttributeSummary, CaseView, DocumentCases, SpeakerSummary } from './methods.js';

export type CaseTarget = { docId: string } | { speaker: string };

/**
 * Cases and their attributes. A change is one transaction and one step of the app's undo
 * stack; a case left without attributes is removed (an empty case says nothing).
 */
export class CaseService {
  readonly records: RecordSet<CaseRecord>;

  constructor(
    private readonly context: CoreContext,
    private readonly annotations: AnnotationsFace,
  ) {
    this.records = context.workspace.records(casesCollection);
  }

  list(): CaseView[] {
    return this.records
      .all()
      .map((record) => this.view(record))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  }

  /** The attributes a quote takes: its document's, then its speaker's over them. */
  attributesOf(docId: string, speaker: string | undefined): Record<string, string> {
    const ofDocument = this.records.get(caseId({ docId }))?.attributes ?? {};
    const ofSpeaker = speaker ? (this.records.get(caseId({ speaker }))?.attributes ?? {}) : {};
    return { ...ofDocument, ...ofSpeaker };
  }

  /** Every attribute name with the values given to it, for filters and pickers. */
  attributes(): AttributeSummary[] {
    const values = new Map<string, Set<string>>();
    for (const record of this.records.all()) {
      for (const [name, value] of Object.entries(record.attributes)) {
        if (!values.has(name)) values.set(name, new Set());
        values.get(name)!.add(value);
      }
    }
    return [...values].map(([name, set]) => ({ name, values: [...set].sort((a, b) => a.localeCompare(b)) })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every speaker of the imported documents, the same speaker counted once whatever the spelling of the label. */
  speakers(): SpeakerSummary[] {
    const found = new Map<string, SpeakerSummary & { docIds: Set<string> }>();
    for (const document of this.context.corpus.allDocuments()) {
      if (document.origin === 'bundled') continue;
      for (const passage of this.context.corpus.passages(document.id)) {
        if (!passage.speaker) continue;
        const key = speakerKey(passage.speaker);
        const entry = found.get(key) ?? { speaker: passage.speaker, turns: 0, documents: 0, docIds: new Set<string>() };
        entry.turns += 1;
        entry.docIds.add(document.id);
        found.set(key, entry);
      }
    }
    return [...found.values()].map(({ speaker, turns, docIds }) => ({ speaker, turns, documents: docIds.size })).sort((a, b) => a.speaker.localeCompare(b.speaker));
  }

  /** A document's case and the cases of the speakers in it, with how many turns each has there. */
  forDocument(docId: string): DocumentCases {
    if (!this.context.corpus.hasDocument(docId)) throw new WorkbenchError('NOT_FOUND', `There is no document “${docId}”. Run \`workbench documents\` to see the ids.`);
    const turns = new Map<string, { speaker: string; turns: number }>();
    for (const passage of this.context.corpus.passages(docId)) {
      if (!passage.speaker) continue;
      const key = speakerKey(passage.speaker);
      const entry = turns.get(key) ?? { speaker: passage.speaker, turns: 0 };
      entry.turns += 1;
      turns.set(key, entry);
    }
    const documentCase = this.records.get(caseId({ docId }));
    return {
      document: documentCase ? this.view(documentCase) : this.view({ id: caseId({ docId }), kind: 'document', docId, attributes: {} }),
      speakers: [...turns.values()].map(({ speaker, turns: count }) => {
        const record = this.records.get(caseId({ speaker }));
        return { ...this.view(record ?? { id: caseId({ speaker }), kind: 'speaker', speaker, attributes: {} }), turns: count };
      }),
    };
  }

  /** Sets (a value) or removes (null) attributes of a case, creating it on its first attribute. */
  async set(target: CaseTarget, changes: Record<string, string | null>): Promise<CaseView> {
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'The attributes cannot be saved: this workspace is open read-only.');
    if ('docId' in target && !this.context.corpus.hasDocument(target.docId)) {
      throw new WorkbenchError('NOT_FOUND', `There is no document “${target.docId}”. Run \`workbench documents\` to see the ids. Nothing was changed.`);
    }
    const problems = Object.keys(changes).flatMap((name) => attributeNameProblem(name) ?? []);
    if (problems.length > 0) throw new WorkbenchError('BAD_REQUEST', `Nothing was changed: ${problems.join(' ')}`);
    if ('speaker' in target) {
      // The label as the transcripts write it, whatever spacing or case was typed.
      const label = this.speakerLabel(target.speaker);
      if (label === undefined) {
        throw new WorkbenchError('NOT_FOUND', `No transcript has a speaker called “${target.speaker}”. Check the spelling (\`workbench case list --document DOC\` lists a transcript's speakers). Nothing was changed.`);
      }
      target = { speaker: label };
    }
    const id = caseId(target);
    const before = this.records.get(id);
    const attributes = { ...(before?.attributes ?? {}) };
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete attributes[name];
      else attributes[name] = value;
    }
    const after: CaseRecord = CaseRecordSchema.parse({ id, kind: 'docId' in target ? 'document' : 'speaker', ...target, attributes });
    const empty = Object.keys(attributes).length === 0;
    await this.annotations.runUndoable({
      label: 'Set case attributes',
      do: () =>
        this.context.workspace.transact((tx) => {
          if (empty) this.stageDelete(tx, id);
          else tx.put(casesCollection, after);
        }),
      undo: () =>
        this.context.workspace.transact((tx) => {
          if (before) tx.put(casesCollection, before);
          else this.stageDelete(tx, id);
        }),
    });
    return this.view(after);
  }

  /**
   * Inside an anonymisation: a speaker's case follows the speaker's new label, so the real
   * name leaves the cases too (the anonymisation keeps the records as they were for undo).
   */
  stageSpeakerRenames(tx: Transaction, renames: ReadonlyMap<string, string>): void {
    for (const [from, to] of renames) {
      const record = tx.get(casesCollection, caseId({ speaker: from }));
      if (!record) continue;
      const target = tx.get(casesCollection, caseId({ speaker: to }));
      tx.delete(casesCollection, record.id);
      tx.put(casesCollection, { ...record, id: caseId({ speaker: to }), speaker: to, attributes: { ...record.attributes, ...(target?.attributes ?? {}) } });
    }
  }

  private stageDelete(tx: Transaction, id: string): void {
    if (tx.get(casesCollection, id)) tx.delete(casesCollection, id);
  }

  private speakerLabel(speaker: string): string | undefined {
    const key = speakerKey(speaker);
    for (const document of this.context.corpus.allDocuments()) {
      if (document.origin === 'bundled') continue;
      const found = this.context.corpus.passages(document.id).find((passage) => passage.speaker !== undefined && speakerKey(passage.speaker) === key);
      if (found?.speaker) return found.speaker;
    }
    return this.records.get(caseId({ speaker }))?.speaker;
  }

  private view(record: CaseRecord): CaseView {
    const title = record.docId === undefined ? undefined : this.context.corpus.hasDocument(record.docId) ? this.context.corpus.document(record.docId).title : undefined;
    return {
      id: record.id,
      kind: record.kind,
      label: record.kind === 'document' ? (title ?? record.docId ?? record.id) : (record.speaker ?? record.id),
      ...(record.docId === undefined ? {} : { docId: record.docId }),
      ...(record.speaker === undefined ? {} : { speaker: record.speaker }),
      attributes: { ...record.attributes },
    };
  }
}
