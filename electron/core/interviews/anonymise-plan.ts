import type { Annotation, AnnotationTombstone } from '../annotations/index.js';
import type { Passage } from '../corpus/schema.js';
import type { ImportedContent } from '../import/index.js';
import type { AnnotatedContent } from './document-rewrite.js';
import { NameReplacer, type NameReplacement, type TextEdit } from './name-replacement.js';
import { documentChange, orderedPassages, placeAnnotation, type DocumentChange } from './passage-edits.js';

/** Everything about one document that names must leave: its content, its annotations, its note. */
export interface DocumentMaterial extends AnnotatedContent {
  note: string | undefined;
}

export interface AnonymisePlan {
  content: ImportedContent;
  /** Only the annotations whose quote or note changed, as they become. */
  annotations: Annotation[];
  /** Only the tombstones whose annotation changed. */
  tombstones: AnnotationTombstone[];
  note: string | undefined;
  noteChanged: boolean;
  /** Per replacement (in the order given): how often its name was replaced in the document's text and speakers. */
  counts: number[];
  passagesChanged: number;
  speakerTurnsChanged: number;
}

const TEXT_ORIGINAL = /\.(txt|md)$/i;
/** A recording's transcript files that are text (captions, stamped turns): rewritten in place; a Word one becomes `transcript.txt`. */
const TEXT_TRANSCRIPT = /\.(txt|md|vtt|srt)$/i;

/** Originals that show the names as pictures of pages (PDFs, photos): they cannot be rewritten. */
export function cannotRewriteOriginal(content: ImportedContent): boolean {
  return content.record.document.origin === 'imported-pdf' || /\.(pdf|png|jpe?g|tiff?)$/i.test(content.original.file);
}

/**
 * Works out the whole change before anything is written: the passages, speakers, footnotes
 * and title with names replaced; the original file rewritten (a text original) or replaced by
 * the anonymised text (a Word original, which cannot be rewritten in place); each annotation
 * moved onto the new text, so it still covers the same words; the notes rewritten.
 */
export function planAnonymisation(material: DocumentMaterial, replacements: readonly NameReplacement[]): AnonymisePlan {
  const replacer = new NameReplacer(replacements);
  const counts = replacements.map(() => 0);
  const count = (edits: readonly TextEdit[]) => edits.forEach((edit) => (counts[edit.rule]! += 1));
  const { record } = material.content;

  const oldPassages = orderedPassages(record.passages);
  const passageEdits = new Map<string, TextEdit[]>();
  let passagesChanged = 0;
  let speakerTurnsChanged = 0;
  const passages = oldPassages.map((passage) => {
    const replaced = replacer.replace(passage.text);
    count(replaced.edits);
    passageEdits.set(passage.id, replaced.edits);
    const speaker = passage.speaker === undefined ? undefined : replacer.replace(passage.speaker);
    if (speaker) count(speaker.edits);
    if (replaced.edits.length > 0) passagesChanged += 1;
    if (speaker && speaker.edits.length > 0) speakerTurnsChanged += 1;
    return {
      ...passage,
      text: replaced.text,
      ...(passage.cells ? { cells: passage.cells.map((cell) => replacer.replace(cell).text) } : {}),
      ...(speaker ? { speaker: speaker.text } : {}),
    };
  });
  const change = documentChange(oldPassages, passages, passageEdits);
  const pageOf = (id: string) => passages.find((p) => p.id === id)?.page;
  const title = replacer.replace(record.document.title).text;
  const subtitle = record.document.subtitle === undefined ? undefined : replacer.replace(record.document.subtitle).text;
  const footnotes = record.footnotes.map((footnote) => ({ ...footnote, text: replacer.replace(footnote.text).text }));

  const media = record.document.media;
  // A recording stays as it is (voices are not text); its transcript file is rewritten instead.
  const original = media
    ? material.content.original
    : TEXT_ORIGINAL.test(material.content.original.file)
      ? { file: material.content.original.file, bytes: Buffer.from(replacer.replace(material.content.original.bytes.toString('utf8')).text, 'utf8') }
      : { file: 'original.txt', bytes: Buffer.from(plainText(passages), 'utf8') };
  const given = material.content.transcript;
  const transcript =
    media && given
      ? TEXT_TRANSCRIPT.test(given.file)
        ? { file: given.file, bytes: Buffer.from(replacer.replace(given.bytes.toString('utf8')).text, 'utf8') }
        : { file: 'transcript.txt', bytes: Buffer.from(plainText(passages), 'utf8') }
      : undefined;

  const annotations = material.annotations.flatMap((annotation) => {
    const moved = moveAnnotation(annotation, { change, replacer, pageOf });
    return JSON.stringify(moved) === JSON.stringify(annotation) ? [] : [moved];
  });
  const tombstones = material.tombstones.flatMap((tombstone) => {
    const moved = moveAnnotation(tombstone.annotation, { change, replacer, pageOf });
    return JSON.stringify(moved) === JSON.stringify(tombstone.annotation) ? [] : [{ ...tombstone, annotation: moved }];
  });
  const note = material.note === undefined ? undefined : replacer.replace(material.note).text;

  return {
    content: {
      // The file name the document came from is shown and exchanged too ("interview-arben.txt").
      record: {
        ...record,
        document: {
          ...record.document,
          title,
          source: replacer.replace(record.document.source).text,
          ...(subtitle === undefined ? {} : { subtitle }),
          // A Word file's author is often the interviewer or the respondent: the people fields go through the replacer too.
          authors: record.document.authors.map((name) => replacer.replace(name).text),
          editors: record.document.editors.map((name) => replacer.replace(name).text),
          publishers: record.document.publishers.map((name) => replacer.replace(name).text),
          ...(record.document.place === undefined ? {} : { place: replacer.replace(record.document.place).text }),
          // Where each field came from quotes what was printed or the file name: those quotes go too.
          ...(record.document.provenance ? { provenance: replaceStrings(record.document.provenance, replacer) } : {}),
          ...(record.document.note === undefined ? {} : { note: replacer.replace(record.document.note).text }),
          ...(media && transcript ? { media: { ...media, transcriptFile: transcript.file } } : {}),
        },
        passages,
        footnotes,
      },
      original,
      ...(transcript ? { transcript } : {}),
    },
    annotations,
    tombstones,
    note,
    noteChanged: note !== material.note,
    counts,
    passagesChanged,
    speakerTurnsChanged,
  };
}

/** Fields of a provenance that quote the document or its file; the others are codes (source, location), ids and dates. */
const QUOTING_KEYS = new Set(['printed', 'note', 'text']);

/** The provenance with the names replaced in what it quotes, its shape and codes kept. */
function replaceStrings<T>(value: T, replacer: NameReplacer, quoting = false): T {
  if (typeof value === 'string') return (quoting ? replacer.replace(value).text : value) as T;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replacer, quoting)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, replacer, quoting || QUOTING_KEYS.has(key))])) as T;
  return value;
}

/** A Word original cannot be rewritten; the anonymised text takes its place, a turn a paragraph. */
function plainText(passages: readonly Passage[]): string {
  return `${passages.map((passage) => (passage.speaker ? `${passage.speaker}: ${passage.text}` : passage.text)).join('\n\n')}\n`;
}

interface MoveContext {
  change: DocumentChange;
  replacer: NameReplacer;
  pageOf: (passageId: string) => number | undefined;
}

/**
 * An annotation on the new text. One that sits where its quote says is moved by offsets (a
 * range that cut a name in two grows to hold the whole pseudonym); an orphan, or one whose
 * position no longer shows its quote, gets its selectors' texts rewritten, so no name stays
 * in it and it may still be found later. Its note loses the names too.
 */
function moveAnnotation(annotation: Annotation, context: MoveContext): Annotation {
  const { quote, position } = annotation.target.selectors;
  const note = context.replacer.replace(annotation.note).text;
  const placed = annotation.anchorStatus !== 'orphan' && context.change.oldText.text.slice(position.start, position.end) === quote.exact;
  // A pseudonym is never empty, so no range collapses.
  const placement = placed ? placeAnnotation(annotation, context.change, context.pageOf) : undefined;
  if (!placement || !('target' in placement)) {
    const rewrite = (text: string) => context.replacer.replace(text).text;
    const exact = rewrite(quote.exact);
    return {
      ...annotation,
      note,
      target: {
        ...annotation.target,
        selectors: { ...annotation.target.selectors, quote: { ...quote, exact: exact || quote.exact, prefix: rewrite(quote.prefix), suffix: rewrite(quote.suffix) } },
      },
    };
  }
  return { ...annotation, note, target: placement.target };
}
