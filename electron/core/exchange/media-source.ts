import { deterministicUuid, timeSpanOfRanges, type Annotation } from '../annotations';
import { buildDocumentText, documentRangeToPassages } from '../anchoring/document-text';
import type { CorpusDocument, Passage } from '../corpus/schema';
import type { CodePointIndex } from './code-points';
import { xmlAttribute, xmlText } from './xml-text';

const transcriptGuid = (docId: string) => deterministicUuid('field-workbench:transcript', docId);
const syncPointGuid = (docId: string, ms: number, position: number) => deterministicUuid('field-workbench:sync-point', `${docId}\u0000${ms}\u0000${position}`);

export interface MediaSourceParts {
  document: CorpusDocument & { media: NonNullable<CorpusDocument['media']> };
  sourceGuid: string;
  /** The transcript's plain text, as written to `Sources/<transcript guid>.txt`. */
  text: string;
  index: CodePointIndex;
  toSource(offset: number): number;
  passages: readonly Passage[];
  description: string;
  creationDateTime: string;
  /** The selections' own lines (Description, Coding), as for any text selection. */
  selectionBody(annotation: Annotation): string[];
  /** The selection's attributes with `where` (its sync points) in their place. */
  selectionAttributes(annotation: Annotation, where: string): string;
}

/** The transcript's file name inside the .qdpx. */
export function transcriptFileName(docId: string): string {
  return `${transcriptGuid(docId)}.txt`;
}

/**
 * A recording as REFI-QDA writes one (Project.xsd 1.0): an AudioSource or VideoSource whose
 * media file is in the archive (`internal://<guid>.<ext>`), with its Transcript: the
 * transcript's plain text, a SyncPoint (milliseconds, code-point position) where each timed
 * passage starts and ends, and each coded quote as a TranscriptSelection between two
 * SyncPoints: the quote's own span, narrowed within a passage as the workbench narrows it.
 * A quote on untimed text (a heading) has no span to select and is reported as left out.
 */
export function mediaSourceXml(parts: MediaSourceParts, annotations: readonly Annotation[]): { lines: string[]; written: Annotation[]; untimed: Annotation[] } {
  const { document, text, index, toSource } = parts;
  const docText = buildDocumentText(parts.passages);
  const byId = new Map(parts.passages.map((p) => [p.id, p]));
  const points = new Map<string, { ms: number; position: number }>();
  const point = (seconds: number, offset: number) => {
    const ms = Math.round(seconds * 1000);
    const position = index.toCodePoints(Math.min(offset, text.length));
    const guid = syncPointGuid(document.id, ms, position);
    points.set(guid, { ms, position });
    return guid;
  };
  for (const span of docText.spans) {
    const passage = byId.get(span.passageId);
    if (passage?.start === undefined || passage.end === undefined) continue;
    point(passage.start, toSource(span.start));
    point(passage.end, toSource(span.end - 1) + 1);
  }
  const selections: string[] = [];
  const written: Annotation[] = [];
  const untimed: Annotation[] = [];
  for (const annotation of annotations) {
    const { start, end } = annotation.target.selectors.position;
    const time = end > docText.text.length ? undefined : timeSpanOfRanges(documentRangeToPassages(docText, start, end), (id) => byId.get(id));
    if (!time) {
      untimed.push(annotation);
      continue;
    }
    written.push(annotation);
    const from = point(time.start, toSource(start));
    const to = point(time.end, toSource(end - 1) + 1);
    selections.push(`        <TranscriptSelection ${parts.selectionAttributes(annotation, `fromSyncPoint="${from}" toSyncPoint="${to}"`)}>`, ...parts.selectionBody(annotation).map((line) => `    ${line}`), '        </TranscriptSelection>');
  }
  const tag = document.media.video ? 'VideoSource' : 'AudioSource';
  const extension = document.media.file.replace(/^media\./, '');
  const lines = [`    <${tag} guid="${parts.sourceGuid}" name="${xmlAttribute(document.title)}" creationDateTime="${parts.creationDateTime}" path="internal://${parts.sourceGuid}.${extension}">`];
  if (parts.description) lines.push(`      <Description>${xmlText(parts.description)}</Description>`);
  lines.push(`      <Transcript guid="${transcriptGuid(document.id)}" name="${xmlAttribute(`${document.title} (transcript)`)}" plainTextPath="internal://${transcriptFileName(document.id)}" creationDateTime="${parts.creationDateTime}">`);
  const sorted = [...points.entries()].sort(([, a], [, b]) => a.position - b.position || a.ms - b.ms);
  for (const [guid, { ms, position }] of sorted) lines.push(`        <SyncPoint guid="${guid}" timeStamp="${ms}" position="${position}"/>`);
  lines.push(...selections, '      </Transcript>', `    </${tag}>`);
  return { lines, written, untimed };
}
