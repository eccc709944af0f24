import { WorkbenchError } from '../api/errors.js';
import type { AnnotationsFace } from '../annotations/index.js';
import type { Entity } from '../corpus/schema.js';
import type { CoreContext } from '../core-context.js';
import type { ImportArea } from '../import/index.js';
import type { MetadataEditRecord, MetadataEdits } from '../metadata-edits/index.js';
import { readAnnotatedContent, stageAnnotationsAsBefore, stageMovedAnnotations } from './document-rewrite.js';
import { cannotRewriteOriginal, planAnonymisation, type AnonymisePlan, type DocumentMaterial } from './anonymise-plan.js';
import { checkKeyPath, keyText, writeKeyFile, type KeyEntry } from './key-file.js';
import { NameReplacer, replacementListProblems, type NameReplacement } from './name-replacement.js';
import type { AnonymiseResult, AnonymisePreview, NameSuggestion } from './methods.js';
import { caseId, casesCollection, type CaseRecord } from './case-record.js';
import type { CaseService } from './case-service.js';

export interface AnonymiserDeps {
  annotations: AnnotationsFace;
  content: ImportArea['content'];
  /** Entities a user added beside the catalogue (people they named). */
  userEntities: () => Entity[];
  /** Users' corrections of the document's metadata (an author typed in the Info dialog): names leave them too. */
  metadataEdits: Pick<MetadataEdits, 'rewritten' | 'stagePut'>;
}

/** Speaker labels that name a role, not a person: never suggested for replacement. */
const ROLE_LABEL = /^(q|a|i|r|p|int|interviewer|interviewee|respondent|moderator|facilitator|researcher|participant|speaker)(\s*[a-z]?\d*)?$/i;

/**
 * Anonymising an imported transcript or document: names replaced by pseudonyms in its
 * passages, speakers, footnotes, title, original file, annotations' quotes and notes and its
 * note, as one step of the undo stack. Search follows the document's new text; every export
 * reads from the same places, so none keeps a name.
 */
export class Anonymiser {
  constructor(
    private readonly context: CoreContext,
    private readonly deps: AnonymiserDeps,
    private readonly cases: CaseService,
  ) {}

  private async material(docId: string): Promise<DocumentMaterial> {
    const annotated = await readAnnotatedContent(this.deps.content, this.deps.annotations, docId);
    return { ...annotated, note: this.deps.annotations.documentNotes.text(docId) };
  }

  /** Names worth replacing (speakers, and people of the entity catalogue found in the text), and what given replacements would do. */
  async preview(docId: string, replacements: NameReplacement[] = []): Promise<AnonymisePreview> {
    const material = await this.material(docId);
    const { record } = material.content;
    const texts = record.passages.flatMap((passage) => [passage.text, passage.speaker ?? '']);
    const speakers = [...new Set(record.passages.flatMap((passage) => (passage.speaker ? [passage.speaker] : [])))];
    const candidates = new Map<string, NameSuggestion['source']>();
    for (const speaker of speakers) {
      if (ROLE_LABEL.test(speaker)) continue;
      candidates.set(speaker, 'speaker');
      // "Arben Krasniqi" is also "Arben" in the answers of others.
      const words = speaker.split(/\s+/u);
      if (words.length > 1) for (const word of words) if (/^\p{Lu}\p{L}{2,}/u.test(word) && !candidates.has(word)) candidates.set(word, 'speaker');
    }
    for (const entity of [...this.context.corpus.entities(), ...this.deps.userEntities()]) {
      if (entity.type !== 'person') continue;
      for (const name of [entity.name, ...entity.aliases]) if (!candidates.has(name)) candidates.set(name, 'entity');
    }
    const names = [...candidates.keys()];
    const counts = names.map((name) => new NameReplacer([{ real: name, pseudonym: '-' }]).count(texts)[0]!);
    const suggestions = names
      .map((name, index) => ({ name, source: candidates.get(name)!, count: counts[index]! }))
      .filter((suggestion) => suggestion.count > 0)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const plan = replacements.length > 0 ? planAnonymisation(material, replacements) : undefined;
    const blocked = cannotRewriteOriginal(material.content);
    return {
      docId,
      title: record.document.title,
      speakers,
      suggestions,
      problems: replacementListProblems(replacements),
      ...(blocked ? { blocked: blockedMessage(record.document.title) } : {}),
      ...(plan ? { replacements: replacements.map((replacement, index) => ({ ...replacement, count: plan.counts[index]! })), annotationsChanged: plan.annotations.length } : {}),
    };
  }

  /**
   * Checks everything first (the list, the names found, where the key goes), so a bad
   * request changes nothing; then the annotations and the note, then the document's files.
   * Undo puts back the document as it was and the annotations' quotes and notes.
   */
  async anonymise(docId: string, replacements: NameReplacement[], keyPath?: string): Promise<AnonymiseResult> {
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'Nothing was anonymised: this workspace is open read-only.');
    const problems = replacementListProblems(replacements);
    if (problems.length > 0) throw new WorkbenchError('BAD_REQUEST', `Nothing was anonymised: ${problems.join(' ')}`);
    // Checked before the command runs: redo must not fail on it.
    await this.checkedPlan(docId, replacements);
    const knownKey = keyPath === undefined ? undefined : await checkKeyPath(keyPath, this.context.workspace.dir);

    let before: (DocumentMaterial & RecordsBefore) | undefined;
    let result: AnonymiseResult | undefined;
    await this.deps.annotations.runUndoable({
      label: 'Anonymise document',
      do: async () => {
        const material = await this.material(docId);
        const plan = planAnonymisation(material, replacements);
        const entry: KeyEntry = {
          docId,
          title: plan.content.record.document.title,
          anonymisedAt: new Date().toISOString(),
          replacements: replacements.map((replacement, index) => ({ ...replacement, count: plan.counts[index]! })),
        };
        const cases = await this.apply(docId, material, plan, replacements);
        before = { ...material, ...cases };
        if (keyPath !== undefined) await writeKeyFile(keyPath, [...(knownKey ?? []).filter((known) => known.docId !== docId), entry]);
        result = resultOf(docId, plan, entry, keyPath);
      },
      undo: async () => {
        if (before) await this.restore(docId, before);
      },
    });
    return result!;
  }

  private async checkedPlan(docId: string, replacements: NameReplacement[]): Promise<AnonymisePlan> {
    const material = await this.material(docId);
    const title = material.content.record.document.title;
    if (cannotRewriteOriginal(material.content)) throw new WorkbenchError('UNSUPPORTED', blockedMessage(title));
    const plan = planAnonymisation(material, replacements);
    const missing = replacements.filter((_, index) => plan.counts[index] === 0).map((replacement) => `“${replacement.real}”`);
    if (missing.length > 0) {
      throw new WorkbenchError(
        'NOT_FOUND',
        `${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not occur in “${title}” as a whole word. Nothing was anonymised: check the spelling, or leave ${missing.length === 1 ? 'it' : 'them'} out.`,
        { missing },
      );
    }
    return plan;
  }

  /** Answers the records as they were (speakers' cases, and the ids they moved to; metadata edits), for undo. */
  private async apply(docId: string, material: DocumentMaterial, plan: AnonymisePlan, replacements: readonly NameReplacement[]): Promise<RecordsBefore> {
    const { documentNotes } = this.deps.annotations;
    // A speaker's case follows the speaker's new label, so the real name leaves the cases too.
    const renames = new Map<string, string>();
    const newSpeakers = new Map(plan.content.record.passages.map((passage) => [passage.id, passage.speaker]));
    for (const passage of material.content.record.passages) {
      const renamed = newSpeakers.get(passage.id);
      if (passage.speaker && renamed && renamed !== passage.speaker) renames.set(passage.speaker, renamed);
    }
    const oldCases = [...renames.keys()].flatMap((speaker) => this.cases.records.get(caseId({ speaker })) ?? []);
    const touched = [...renames.values()].flatMap((speaker) => this.cases.records.get(caseId({ speaker })) ?? []);
    const renamedCaseIds = oldCases.map((record) => caseId({ speaker: renames.get(record.speaker ?? '') ?? '' }));
    const replacer = new NameReplacer(replacements);
    const metadata = this.deps.metadataEdits.rewritten(docId, (text) => replacer.replace(text).text);
    // Annotations first: when the document's new text arrives, they already fit it, so the
    // re-anchoring that follows a changed document finds each where it is.
    const stage = () =>
      this.context.workspace.transact((tx) => {
        stageMovedAnnotations(tx, this.deps.annotations, plan.annotations, plan.tombstones);
        if (plan.noteChanged) documentNotes.stageText(tx, docId, plan.note);
        this.cases.stageSpeakerRenames(tx, renames);
        this.deps.metadataEdits.stagePut(tx, metadata.map((change) => change.after));
      });
    await stage();
    const cases = { cases: [...oldCases, ...touched], renamedCaseIds, metadata: metadata.map((change) => change.before) };
    try {
      await this.deps.content.replace(docId, plan.content);
    } catch (error) {
      await this.restoreRecords(docId, { ...material, ...cases }, plan.annotations.map((annotation) => annotation.id));
      throw error;
    }
    return cases;
  }

  private async restore(docId: string, before: DocumentMaterial & RecordsBefore): Promise<void> {
    await this.restoreRecords(docId, before, before.annotations.map((annotation) => annotation.id));
    await this.deps.content.replace(docId, before.content);
  }

  /** The quotes and notes as they were; an annotation's other fields as they are now (a later colour change stays). */
  private restoreRecords(docId: string, before: DocumentMaterial & RecordsBefore, ids: string[]): Promise<void> {
    const { documentNotes } = this.deps.annotations;
    return this.context.workspace.transact((tx) => {
      stageAnnotationsAsBefore(tx, this.deps.annotations, before, ids);
      if (documentNotes.text(docId) !== before.note) documentNotes.stageText(tx, docId, before.note);
      for (const id of before.renamedCaseIds) if (tx.get(casesCollection, id)) tx.delete(casesCollection, id);
      for (const record of before.cases) tx.put(casesCollection, record);
      this.deps.metadataEdits.stagePut(tx, before.metadata);
    });
  }
}

/** What anonymising changes beside the document and its annotations, as it was: undo puts it back. */
interface RecordsBefore {
  cases: CaseRecord[];
  renamedCaseIds: string[];
  metadata: MetadataEditRecord[];
}

function blockedMessage(title: string): string {
  return `“${title}” shows its pages as pictures (a PDF or a photo), where names cannot be replaced. Save its text as a .txt or .docx file, import that, and anonymise it instead.`;
}

function resultOf(docId: string, plan: AnonymisePlan, entry: KeyEntry, keyPath: string | undefined): AnonymiseResult {
  return {
    docId,
    title: plan.content.record.document.title,
    replacements: entry.replacements,
    passagesChanged: plan.passagesChanged,
    speakerTurnsChanged: plan.speakerTurnsChanged,
    annotationsChanged: plan.annotations.length,
    noteChanged: plan.noteChanged,
    ...(keyPath === undefined ? { key: { fileName: `anonymisation-key-${docId}.json`, text: keyText([entry]) } } : { keyPath }),
  };
}
