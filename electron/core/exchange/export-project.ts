import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { buildDocumentText, passageSeparator } from '../anchoring/document-text';
import { deterministicUuid, topicGuid, type Annotation, type AnnotationsFace } from '../annotations';
import { WorkbenchError } from '../api/errors';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { CorpusDocument, Passage } from '../corpus/schema';
import type { TeamFace } from '../team';
import { hexColorPattern, TopicTree, type Topic } from '../topics';
import { CodePointIndex } from './code-points';
import { mediaSourceXml, transcriptFileName } from './media-source';
import { xmlAttribute, xmlText } from './xml-text';

export const refiQdaProjectNamespace = 'urn:QDA-XML:project:1.0';

export interface ExportProjectResult {
  /** Where it was written (absent when the file was returned instead). */
  file?: string;
  bytes: number;
  users: number;
  codes: number;
  sources: number;
  selections: number;
  notes: number;
  /** Annotations left out, and why (orphans have no place in the text). */
  left: string[];
}

export interface ExportProjectDeps {
  corpus: CorpusIndex;
  annotations: AnnotationsFace;
  team: TeamFace;
  /** Where an imported document's files are (its original PDF). */
  documentDir(docId: string): string;
  projectName: string;
  origin: string;
  currentUserId: string;
  now?: () => Date;
}

export const userGuid = (userId: string) => deterministicUuid('field-workbench:user', userId);
export const sourceGuid = (docId: string) => deterministicUuid('field-workbench:source', docId);
const representationGuid = (docId: string) => deterministicUuid('field-workbench:representation', docId);
const selectionGuid = (annotationId: string) => deterministicUuid('field-workbench:selection', annotationId);
const codingGuid = (annotationId: string, topicId: string) => deterministicUuid('field-workbench:coding', `${annotationId}\u0000${topicId}`);

/**
 * The whole project as a REFI-QDA `.qdpx` (Project.xsd 1.0): users, the codebook with its
 * hierarchy, colours and descriptions, every document as a source with its plain text in
 * `Sources/<guid>.txt` (imported PDFs as PDFSource with the PDF and a plain-text
 * Representation), and every annotation as a PlainTextSelection over that text, positions
 * in Unicode code points, with a Coding per topic, its coder and time, its note as the
 * Description. The plain text is the document text annotations are anchored in, so
 * positions are exact. Written beside the target and renamed into place.
 */
export async function buildProject(deps: ExportProjectDeps): Promise<{ zip: Buffer; result: ExportProjectResult }> {
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const zip = new JSZip();
  const users = deps.team.users();
  const knownUsers = new Set(users.map((user) => user.id));
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${refiQdaProjectNamespace}" name="${xmlAttribute(deps.projectName)}" origin="${xmlAttribute(deps.origin)}" creatingUserGUID="${userGuid(deps.currentUserId)}" creationDateTime="${now}">`,
  ];
  const coders = new Set<string>();
  for (const annotation of deps.annotations.annotations.all()) coders.add(deps.annotations.annotations.coderOf(annotation));
  const userList = [...users.map((user) => ({ id: user.id, name: user.name })), ...[...coders].filter((id) => !knownUsers.has(id)).map((id) => ({ id, name: id }))];
  lines.push('  <Users>');
  for (const user of userList) lines.push(`    <User guid="${userGuid(user.id)}" name="${xmlAttribute(user.name)}" id="${xmlAttribute(user.id)}"/>`);
  lines.push('  </Users>');

  const topics = deps.annotations.topics.list();
  if (topics.length > 0) {
    lines.push('  <CodeBook>', '    <Codes>');
    writeCodes(lines, new TopicTree(topics), 3);
    lines.push('    </Codes>', '  </CodeBook>');
  }

  const left: string[] = [];
  let orphans = 0;
  let untimed = 0;
  let selections = 0;
  let notes = 0;
  const documents = deps.corpus.allDocuments().sort((a, b) => Number(a.origin !== 'bundled') - Number(b.origin !== 'bundled') || a.id.localeCompare(b.id));
  const sourceLines: string[] = [];
  for (const document of documents) {
    const { text, toSource } = sourceText(deps.corpus.passages(document.id));
    const annotations = deps.annotations.annotations
      .ofDocument(document.id)
      .filter((annotation) => {
        if (annotation.anchorStatus !== 'orphan') return true;
        orphans++;
        return false;
      })
      .sort((a, b) => a.target.selectors.position.start - b.target.selectors.position.start);
    const sourceAttributes = `name="${xmlAttribute(document.title)}" creationDateTime="${now}"`;
    // The bibliographic line, then the user's note on the whole document (its memo).
    const description = [describeDocument(document), deps.annotations.documentNotes.text(document.id)?.trim()].filter(Boolean).join('\n\n');
    const recording = document.media ? await readFile(path.join(deps.documentDir(document.id), document.media.file)).catch(() => undefined) : undefined;
    if (recording && document.media) {
      // Already compressed (or PCM that compresses poorly): stored as it is.
      zip.file(`Sources/${sourceGuid(document.id)}.${document.media.file.replace(/^media\./, '')}`, recording, { compression: 'STORE' });
      zip.file(`Sources/${transcriptFileName(document.id)}`, text);
      const media = mediaSourceXml(
        {
          document: { ...document, media: document.media },
          sourceGuid: sourceGuid(document.id),
          text,
          index: codePoints(text),
          toSource,
          passages: deps.corpus.passages(document.id),
          description,
          creationDateTime: now,
          selectionAttributes: (annotation, where) => selectionAttributes(annotation, text.slice(toSource(annotation.target.selectors.position.start), toSource(annotation.target.selectors.position.end - 1) + 1), where, deps),
          selectionBody: (annotation) => selectionBody(annotation, deps),
        },
        annotations,
      );
      sourceLines.push(...media.lines);
      selections += media.written.length;
      notes += media.written.filter((annotation) => annotation.note.trim()).length;
      untimed += media.untimed.length;
      continue;
    }
    const pdf = document.origin === 'imported-pdf' && document.pdf ? await readFile(path.join(deps.documentDir(document.id), document.pdf)).catch(() => undefined) : undefined;
    const textGuid = pdf ? representationGuid(document.id) : sourceGuid(document.id);
    zip.file(`Sources/${textGuid}.txt`, text);
    const selectionLines = annotations.flatMap((annotation) => {
      const written = selectionXml(annotation, text, toSource, deps);
      if (written.length === 0) return [];
      selections++;
      if (annotation.note.trim()) notes++;
      return written;
    });
    if (pdf) {
      zip.file(`Sources/${sourceGuid(document.id)}.pdf`, pdf);
      sourceLines.push(`    <PDFSource guid="${sourceGuid(document.id)}" ${sourceAttributes} path="internal://${sourceGuid(document.id)}.pdf">`);
      if (description) sourceLines.push(`      <Description>${xmlText(description)}</Description>`);
      sourceLines.push(`      <Representation guid="${textGuid}" name="${xmlAttribute(document.title)}" plainTextPath="internal://${textGuid}.txt">`);
      sourceLines.push(...selectionLines.map((line) => `  ${line}`));
      sourceLines.push('      </Representation>', '    </PDFSource>');
    } else {
      sourceLines.push(`    <TextSource guid="${textGuid}" ${sourceAttributes} plainTextPath="internal://${textGuid}.txt"${selectionLines.length === 0 && !description ? '/>' : '>'}`);
      if (selectionLines.length === 0 && !description) continue;
      if (description) sourceLines.push(`      <Description>${xmlText(description)}</Description>`);
      sourceLines.push(...selectionLines, '    </TextSource>');
    }
  }
  if (sourceLines.length > 0) lines.push('  <Sources>', ...sourceLines, '  </Sources>');
  lines.push('</Project>', '');
  if (untimed > 0) left.push(`${untimed} annotation${untimed === 1 ? '' : 's'} on untimed text of a recording's transcript (a transcript selection needs times)`);
  if (orphans > 0) left.push(`${orphans} orphaned annotation${orphans === 1 ? '' : 's'} (${orphans === 1 ? 'its' : 'their'} text is no longer in the document)`);
  zip.file('project.qde', lines.join('\n'));

  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, mimeType: 'application/zip' });
  return { zip: bytes, result: { bytes: bytes.byteLength, users: userList.length, codes: topics.length, sources: documents.length, selections, notes, left } };
}

/** Writes the project beside `out` and renames it into place: a failed export never leaves half a file. */
export async function writeProject(out: string, deps: ExportProjectDeps): Promise<ExportProjectResult> {
  const { zip: bytes, result } = await buildProject(deps);
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw new WorkbenchError('IO', `The project could not be written to ${out} (${(error as Error).message}). Check that the folder exists and is writable.`, { out });
  }
  return { ...result, file: out };
}

function writeCodes(lines: string[], tree: TopicTree, depth: number): void {
  const seen = new Set<string>();
  const write = (topic: Topic, level: number) => {
    if (seen.has(topic.id)) return;
    seen.add(topic.id);
    const indent = '  '.repeat(level);
    const color = hexColorPattern.test(topic.color) ? ` color="${topic.color.toUpperCase()}"` : '';
    const opening = `${indent}<Code guid="${topicGuid(topic.id)}" name="${xmlAttribute(topic.name)}" isCodable="true"${color}`;
    const children = tree.children(topic.id);
    if (!topic.description && children.length === 0) {
      lines.push(`${opening}/>`);
      return;
    }
    lines.push(`${opening}>`);
    if (topic.description) lines.push(`${indent}  <Description>${xmlText(topic.description)}</Description>`);
    for (const child of children) write(child, level + 1);
    lines.push(`${indent}</Code>`);
  };
  for (const root of tree.children(undefined)) write(root, depth);
}

/** The code point index of the text being written (selections come document by document). */
let lastText: { text: string; index: CodePointIndex } | undefined;

function codePoints(text: string): CodePointIndex {
  if (lastText?.text !== text) lastText = { text, index: new CodePointIndex(text) };
  return lastText.index;
}

/**
 * A document's plain text as other tools should see it: its passages joined by a blank line,
 * as annotations are anchored, with each transcript turn led by its speaker ("Resident: …"),
 * which the transcript reader took out of the passage's text. `toSource` moves a document
 * offset to the same place in this text.
 */
export function sourceText(passages: readonly Passage[]): { text: string; toSource(offset: number): number } {
  const spans = buildDocumentText(passages).spans;
  const prefixes = passages.map((passage, index) => (passage.speaker && passage.speaker !== passages[index - 1]?.speaker ? `${passage.speaker}: ` : ''));
  const shifts: number[] = [];
  let shift = 0;
  for (const prefix of prefixes) {
    shift += prefix.length;
    shifts.push(shift);
  }
  const text = passages.map((passage, index) => prefixes[index] + passage.text).join(passageSeparator);
  return {
    text,
    toSource(offset) {
      let low = 0;
      let high = spans.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (spans[mid]!.start <= offset) low = mid + 1;
        else high = mid;
      }
      return offset + (low > 0 ? shifts[low - 1]! : 0);
    },
  };
}

function selectionXml(annotation: Annotation, text: string, toSource: (offset: number) => number, deps: ExportProjectDeps): string[] {
  const position = annotation.target.selectors.position;
  // The end belongs to the passage the quote ends in, never to the one after it.
  const start = toSource(position.start);
  const end = toSource(position.end - 1) + 1;
  if (end > text.length || start >= end) return [];
  const index = codePoints(text);
  return [
    `      <PlainTextSelection ${selectionAttributes(annotation, text.slice(start, end), `startPosition="${index.toCodePoints(start)}" endPosition="${index.toCodePoints(end)}"`, deps)}>`,
    ...selectionBody(annotation, deps),
    '      </PlainTextSelection>',
  ];
}

/** A selection's guid, name (its quote, shortened), where it is, coder and time: the same on text and transcript selections. */
function selectionAttributes(annotation: Annotation, quote: string, where: string, deps: ExportProjectDeps): string {
  const coder = userGuid(deps.annotations.annotations.coderOf(annotation));
  const name = quote.length > 60 ? `${quote.slice(0, 57).trimEnd()}…` : quote;
  return `guid="${selectionGuid(annotation.id)}" name="${xmlAttribute(name)}" ${where} creatingUser="${coder}" creationDateTime="${new Date(annotation.createdAt).toISOString()}"`;
}

/** A selection's note and its codings, one per topic. */
function selectionBody(annotation: Annotation, deps: ExportProjectDeps): string[] {
  const coder = userGuid(deps.annotations.annotations.coderOf(annotation));
  const lines: string[] = [];
  if (annotation.note.trim()) lines.push(`        <Description>${xmlText(annotation.note)}</Description>`);
  for (const topicId of annotation.topicIds) {
    if (!deps.annotations.topics.get(topicId)) continue;
    lines.push(
      `        <Coding guid="${codingGuid(annotation.id, topicId)}" creatingUser="${coder}" creationDateTime="${new Date(annotation.createdAt).toISOString()}">`,
      `          <CodeRef targetGUID="${topicGuid(topicId)}"/>`,
      '        </Coding>',
    );
  }
  return lines;
}

function describeDocument(document: CorpusDocument): string {
  const parts = [document.authors.length > 0 ? document.authors.join('; ') : undefined, document.year ? String(document.year) : undefined, document.publishers.join('; ') || undefined].filter(Boolean);
  return parts.join(', ');
}
