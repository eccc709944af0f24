import { randomBytes } from 'node:crypto';
import { WorkbenchError } from '../api/errors.js';
import type { AnnotationsFace } from '../annotations/index.js';
import type { CorpusDocument, Passage } from '../corpus/schema.js';
import type { CoreContext } from '../core-context.js';
import type { ImportArea } from '../import/index.js';
import { readAnnotatedContent, stageAnnotationsAsBefore, stageMovedAnnotations, type AnnotatedContent } from './document-rewrite.js';
import type { PassageEditResult } from './methods.js';
import { correctedPassage, planPassageChange, type PassageChangePlan } from './passage-change-plan.js';
import { orderedPassages } from './passage-edits.js';
import { diffText, type TextChange } from './text-edits.js';

export interface TranscriptEditorDeps {
  annotations: AnnotationsFace;
  content: ImportArea['content'];
}

/** A passage to write into a recording's transcript. */
export interface PassageDraft {
  text: string;
  speaker?: string | undefined;
  /** Seconds into the recording. */
  start: number;
  end: number;
}

/**
 * Correcting the text of an imported document's passage, and writing passages into a
 * recording's transcript (one imported without one, or a turn the transcript missed).
 * Times and speakers stay; annotations keep covering the same words; search follows the
 * new text; each is one step of the annotations area's undo stack, which puts back the
 * text and every annotation's anchor exactly.
 */
export class TranscriptEditor {
  constructor(
    private readonly context: CoreContext,
    private readonly deps: TranscriptEditorDeps,
  ) {}

  async correctPassage(docId: string, passageId: string, rawText: string): Promise<PassageEditResult> {
    const document = this.editableDocument(docId, 'corrected');
    const text = passageText(rawText, 'Nothing was corrected');
    const passage = this.passageOf(document, passageId);
    if (passage.text === text) return { docId, passage, changed: false, annotationsMoved: 0, orphaned: [] };
    return this.run('Correct passage', docId, (material) => {
      const current = material.content.record.passages.find((candidate) => candidate.id === passageId);
      if (!current) throw new WorkbenchError('NOT_FOUND', `The passage ${passageId} is no longer in “${document.title}”.`, { docId, passageId });
      const edits = diffText(current.text, text);
      const passages = orderedPassages(material.content.record.passages).map((candidate) => (candidate.id === passageId ? correctedPassage(candidate, text, edits) : candidate));
      return { plan: planPassageChange(material, passages, new Map<string, TextChange[]>([[passageId, edits]])), passageId };
    });
  }

  async addPassage(docId: string, draft: PassageDraft): Promise<PassageEditResult> {
    const document = this.editableDocument(docId, 'written into');
    const media = document.media;
    if (!media) throw new WorkbenchError('BAD_REQUEST', `“${document.title}” is not a recording: passages with times are written into a recording's transcript. Correct one of its passages instead.`, { docId });
    const text = passageText(draft.text, 'Nothing was added');
    const speaker = draft.speaker?.trim() || undefined;
    const start = Math.round(draft.start * 1000) / 1000;
    const end = Math.round(draft.end * 1000) / 1000;
    const duration = Math.ceil(media.duration * 1000) / 1000;
    if (!(end > start)) throw new WorkbenchError('BAD_REQUEST', `The passage must end after it starts (${clock(start)} to ${clock(end)}). Nothing was added.`);
    if (end > duration) throw new WorkbenchError('BAD_REQUEST', `The passage ends at ${clock(end)}, after the recording does (${clock(duration)}). Nothing was added.`);
    const existing = this.context.corpus.passages(docId);
    const untimed = existing.filter((passage) => passage.start === undefined || passage.end === undefined).length;
    if (untimed > 0) {
      throw new WorkbenchError('UNSUPPORTED', `“${document.title}” has ${untimed} passages without times, so a timed passage has no place among them. Correct an existing passage instead.`, { docId });
    }
    // Passages may touch (one ends as the next starts), never share a moment of the recording.
    const overlapping = existing.find((passage) => start < passage.end! && end > passage.start!);
    if (overlapping) {
      throw new WorkbenchError(
        'CONFLICT',
        `${clock(start)}–${clock(end)} overlaps the passage at ${clock(overlapping.start!)}–${clock(overlapping.end!)}${overlapping.speaker ? ` (${overlapping.speaker})` : ''}: “${preview(overlapping.text)}”. Choose times between the passages around it, or correct that passage instead. Nothing was added.`,
        { docId, passageId: overlapping.id },
      );
    }
    // Chosen once, so that redo writes the same passage a draft may have cited since.
    const passageId = `${docId}-w${randomBytes(4).toString('hex')}`;
    return this.run('Add passage', docId, (material) => {
      const passages = orderedPassages(material.content.record.passages);
      const at = passages.filter((passage) => (passage.start ?? 0) <= start).length;
      const neighbour = passages[at - 1] ?? passages[at];
      const added: Passage = {
        id: passageId,
        docId,
        sectionPath: neighbour?.sectionPath ?? [],
        kind: 'paragraph',
        text,
        page: neighbour?.page ?? 1,
        order: 0,
        footnoteRefs: [],
        links: [],
        backMatter: false,
        ...(speaker ? { speaker } : {}),
        start,
        end,
      };
      const base = passages[0]?.order ?? 0;
      const next = [...passages.slice(0, at), added, ...passages.slice(at)].map((passage, index) => ({ ...passage, order: base + index }));
      return { plan: planPassageChange(material, next, new Map()), passageId };
    });
  }

  /** A document that exists, is imported (the bundled papers are read-only) and may be written. */
  private editableDocument(docId: string, verb: string): CorpusDocument {
    if (!this.context.corpus.hasDocument(docId)) throw new WorkbenchError('NOT_FOUND', `There is no document ${docId} in this workspace. Run \`workbench documents\` to see the ids.`, { docId });
    const document = this.context.corpus.document(docId);
    if (document.origin === 'bundled') {
      throw new WorkbenchError('UNSUPPORTED', `“${document.title}” is one of the bundled papers, whose text is read-only: only imported documents and transcripts can be ${verb}.`, { docId });
    }
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', `“${document.title}” cannot be ${verb}: this workspace is open read-only.`, { docId });
    return document;
  }

  private passageOf(document: CorpusDocument, passageId: string): Passage {
    const passage = this.context.corpus.findPassage(passageId);
    if (!passage || passage.docId !== document.id) {
      throw new WorkbenchError('NOT_FOUND', `“${document.title}” has no passage ${passageId}. \`workbench passages ${document.id}\` lists them.`, { docId: document.id, passageId });
    }
    return passage;
  }

  /** Plans from the document as it is (again on redo), writes the annotations then the document, and records how to undo it. */
  private async run(label: string, docId: string, plan: (material: AnnotatedContent) => { plan: PassageChangePlan; passageId: string }): Promise<PassageEditResult> {
    let before: AnnotatedContent | undefined;
    let result: PassageEditResult | undefined;
    await this.deps.annotations.runUndoable({
      label,
      do: async () => {
        const material = await readAnnotatedContent(this.deps.content, this.deps.annotations, docId);
        const planned = plan(material);
        await this.apply(docId, material, planned.plan);
        before = material;
        const passage = planned.plan.content.record.passages.find((candidate) => candidate.id === planned.passageId)!;
        result = { docId, passage, changed: true, annotationsMoved: planned.plan.annotations.length - planned.plan.orphaned.length, orphaned: planned.plan.orphaned };
      },
      undo: async () => {
        if (before) await this.restore(docId, before);
      },
    });
    return result!;
  }

  /**
   * Annotations first, then the document: its new text arrives with every annotation already
   * on it, so nothing is re-anchored by quote (which could find deleted words elsewhere).
   */
  private async apply(docId: string, material: AnnotatedContent, plan: PassageChangePlan): Promise<void> {
    await this.context.workspace.transact((tx) => stageMovedAnnotations(tx, this.deps.annotations, plan.annotations, plan.tombstones));
    try {
      await this.deps.content.replace(docId, plan.content, { annotationsPlaced: true });
    } catch (error) {
      await this.restoreAnnotations(material, plan.annotations.map((annotation) => annotation.id));
      throw error;
    }
  }

  private async restore(docId: string, before: AnnotatedContent): Promise<void> {
    await this.restoreAnnotations(before, before.annotations.map((annotation) => annotation.id));
    await this.deps.content.replace(docId, before.content, { annotationsPlaced: true });
  }

  private restoreAnnotations(before: AnnotatedContent, ids: string[]): Promise<void> {
    return this.context.workspace.transact((tx) => stageAnnotationsAsBefore(tx, this.deps.annotations, before, ids));
  }
}

/** A passage is one paragraph: a blank line would split it, so line breaks inside it are kept single. */
function passageText(raw: string, nothing: string): string {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]*\n\s*/g, '\n')
    .trim();
  if (!text) throw new WorkbenchError('BAD_REQUEST', `${nothing}: the passage's text is empty. To take words out, correct the passage to the words that remain.`);
  return text;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** m:ss.s, or h:mm:ss.s: how the app shows a moment of a recording. */
function clock(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const s = (tenths / 10) % 60;
  const m = Math.floor(tenths / 600) % 60;
  const h = Math.floor(tenths / 36_000);
  const ss = s.toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
