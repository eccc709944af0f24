import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildDocumentText, passageSeparator } from '../anchoring/document-text';
import type { Annotation, AnnotationsFace } from '../annotations';
import { WorkbenchError } from '../api/errors';
import type { CorpusIndex } from '../corpus/corpus-index';
import { MAX_TEXT_BYTES, type ImportArea, type ImportResult, type ProjectImportSummary } from '../import';
import { userIdFor, type Workspace } from '../store';
import type { TeamFace } from '../team';
import { nameKey, TopicTree, type Topic } from '../topics';
import type { ParsedCode, ParsedProject, ParsedSource } from './project-format';

export interface ApplyProjectDeps {
  workspace: Workspace;
  corpus: CorpusIndex;
  annotations: AnnotationsFace;
  team: TeamFace;
  imports: Pick<ImportArea, 'importPrepared' | 'handlers'>;
}

/**
 * Brings a parsed project into the workspace: each source becomes a document (or is found
 * among those already here with the very same text, such as the bundled papers of a project
 * exported from another workbench), then one transaction adds the coders as users, the codes
 * as topics (merged by name under the same parent), and the selections as annotations with
 * their topics, notes, coders and times.
 */
export async function applyProject(project: ParsedProject, fileName: string, deps: ApplyProjectDeps): Promise<ImportResult> {
  const { workspace, annotations, team } = deps;
  // Documents first: an annotation needs its document in the corpus index.
  const documentOf = new Map<ParsedSource, string>();
  const importedIds: string[] = [];
  const textIndex = new Map<string, string>();
  for (const document of deps.corpus.allDocuments()) textIndex.set(buildDocumentText(deps.corpus.passages(document.id)).text, document.id);
  const sourcesWithText = project.sources.filter((source) => source.paragraphs.length > 0);
  const emptySources = project.sources.length - sourcesWithText.length;
  // Every source must fit before the first is brought in.
  for (const source of sourcesWithText) {
    const bytes = source.pdf?.byteLength ?? Buffer.byteLength(source.paragraphs.join(passageSeparator));
    if (!source.pdf && bytes > MAX_TEXT_BYTES) {
      throw new WorkbenchError(
        'UNSUPPORTED',
        `“${source.name}” in “${fileName}” holds ${Math.round(bytes / 1024 / 1024)} MB of text, more than the ${Math.round(MAX_TEXT_BYTES / 1024 / 1024)} MB one document can hold and stay quick to search. ` +
          'Split that source in the program that made the project and export it again. Nothing was imported.',
        { fileName, source: source.name },
      );
    }
  }
  let reused = 0;
  // Nothing of a project that could not be brought in whole stays: its new documents go again.
  const undo = async () => {
    for (const docId of importedIds) await Promise.resolve(deps.imports.handlers['import.remove']({ docId, annotations: 'delete' })).catch(() => undefined);
  };
  const temp = sourcesWithText.length > 0 ? await mkdtemp(path.join(os.tmpdir(), 'workbench-qdpx-')) : undefined;
  try {
    for (const [index, source] of sourcesWithText.entries()) {
      const text = source.paragraphs.join(passageSeparator);
      const existing = textIndex.get(text);
      if (existing) {
        documentOf.set(source, existing);
        reused++;
        continue;
      }
      const base = safeFileName(source.name, index);
      const file = path.join(temp!, source.pdf ? `${base}.pdf` : `${base}.txt`);
      await writeFile(file, source.pdf ?? text);
      const result = await deps.imports.importPrepared({
        filePath: file,
        fileName: path.basename(file),
        prepared: { title: source.name, paragraphs: source.paragraphs, origin: source.pdf ? 'imported-pdf' : 'imported-text', ...(source.description ? { description: source.description } : {}) },
      });
      documentOf.set(source, result.documentId);
      importedIds.push(result.documentId);
      textIndex.set(text, result.documentId);
    }
  } catch (error) {
    await undo();
    throw error;
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }

  let summary: Awaited<ReturnType<typeof stageProject>>;
  try {
    summary = await stageProject(project, deps, sourcesWithText, documentOf);
  } catch (error) {
    await undo();
    throw error;
  }
  return describeOutcome(project, summary, { sourcesWithText, documentOf, importedIds, reused, emptySources });
}

/** One transaction: the coders as users, the codes as topics, the selections as annotations. */
function stageProject(project: ParsedProject, deps: ApplyProjectDeps, sourcesWithText: ParsedSource[], documentOf: Map<ParsedSource, string>) {
  const { workspace, annotations, team } = deps;
  return workspace.transact((tx) => {
    // Coders: by name, a user already known keeps their id.
    const knownUsers = team.users();
    const userIds = new Map<string, string>();
    const authors = new Set<string>();
    const takenIds = new Set(knownUsers.map((user) => user.id));
    for (const user of project.users) {
      const same = knownUsers.find((known) => known.name.trim().toLowerCase() === user.name.trim().toLowerCase());
      let id = same?.id;
      if (!id) {
        const base = userIdFor(user.name, `coder-${user.guid.slice(0, 8)}`);
        id = base;
        for (let copy = 2; takenIds.has(id) && !userIds.has(id); copy++) id = `${base.slice(0, 60)}-${copy}`;
        takenIds.add(id);
      }
      userIds.set(user.guid, id);
    }
    const usedUsers = new Set<string>();

    // Codes: merged by name under the same parent; categories are topics too.
    let tree = new TopicTree(annotations.topics.list());
    const staged: Topic[] = [];
    const topicOf = new Map<string, string>();
    let created = 0;
    let merged = 0;
    const placeCodes = (codes: ParsedCode[], parentId: string | undefined) => {
      for (const code of codes) {
        const same = tree.siblingNamed(parentId, code.name) ?? staged.find((topic) => topic.parentId === parentId && nameKey(topic.name) === nameKey(code.name));
        let id = same?.id;
        if (same) merged++;
        else {
          const topic = annotations.topics.stageTopic(tx, {
            name: code.name,
            ...(parentId === undefined ? {} : { parentId }),
            ...(code.color ? { color: code.color } : {}),
            description: code.description,
            stagedCount: staged.length,
          });
          staged.push(topic);
          created++;
          id = topic.id;
        }
        topicOf.set(code.guid, id!);
        placeCodes(code.children, id);
      }
      tree = new TopicTree([...annotations.topics.list(), ...staged]);
    };
    placeCodes(project.codes, undefined);

    // Selections: one annotation each, with all its codings' topics.
    let added = 0;
    let alreadyThere = 0;
    let notes = 0;
    let unknownCodes = 0;
    const refused: string[] = [];
    for (const source of sourcesWithText) {
      const docId = documentOf.get(source)!;
      // What is already here, by position: importing a project twice adds nothing twice.
      const existing = new Map<string, Annotation[]>();
      for (const annotation of annotations.annotations.ofDocument(docId)) {
        const key = `${annotation.target.selectors.position.start}:${annotation.target.selectors.position.end}`;
        existing.set(key, [...(existing.get(key) ?? []), annotation]);
      }
      for (const selection of source.selections) {
        const topicIds = selection.codeGuids.flatMap((guid) => {
          const id = topicOf.get(guid);
          if (!id) unknownCodes++;
          return id ? [id] : [];
        });
        const createdBy = selection.creatingUser ? userIds.get(selection.creatingUser) : undefined;
        const duplicate = (existing.get(`${selection.start}:${selection.end}`) ?? []).some(
          (annotation) => annotation.note === selection.note && topicIds.every((id) => annotation.topicIds.includes(id)),
        );
        if (duplicate) {
          alreadyThere++;
          continue;
        }
        try {
          annotations.annotations.stageImported(tx, {
            docId,
            start: selection.start,
            end: selection.end,
            topicIds,
            note: selection.note,
            ...(createdBy ? { createdBy } : {}),
            createdAt: selection.creationDateTime ?? new Date().toISOString(),
          });
        } catch (error) {
          // A selection of white space only, or a note too long to keep: counted, with the reason.
          if (error instanceof WorkbenchError && error.code === 'BAD_REQUEST') {
            refused.push(error.message);
            continue;
          }
          throw error;
        }
        added++;
        if (selection.note) notes++;
        if (createdBy) usedUsers.add(createdBy);
      }
    }
    // Every coder of the project becomes a user, named as the project names them.
    for (const user of project.users) {
      const id = userIds.get(user.guid)!;
      if (!knownUsers.some((known) => known.id === id)) team.stageUser(tx, { id, name: user.name.slice(0, 200) });
      authors.add(user.name);
    }
    return { created, merged, added, alreadyThere, notes, unknownCodes, refused, authors: [...authors], usedUsers: usedUsers.size };
  });
}

function describeOutcome(
  project: ParsedProject,
  summary: Awaited<ReturnType<typeof stageProject>>,
  parts: { sourcesWithText: ParsedSource[]; documentOf: Map<ParsedSource, string>; importedIds: string[]; reused: number; emptySources: number },
): ImportResult {
  const { sourcesWithText, documentOf, importedIds, reused, emptySources } = parts;

  const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const kept = [
    ...(project.format === 'qdpx' ? [plural(sourcesWithText.length, 'source') + (reused > 0 ? ` (${reused} already here)` : '')] : []),
    `${plural(summary.created + summary.merged, 'code')} (${summary.created} new, ${summary.merged} merged by name)`,
    ...(project.format === 'qdpx' ? [plural(summary.added, 'coded selection') + (summary.alreadyThere > 0 ? ` (${summary.alreadyThere} already here)` : '')] : []),
    ...(summary.notes > 0 ? [plural(summary.notes, 'note')] : []),
    ...(project.users.length > 0 ? [plural(project.users.length, 'user')] : []),
  ];
  const skipped = [...project.skipped];
  if (emptySources > 0) skipped.push(plural(emptySources, 'source') + ' with no text');
  if (summary.unknownCodes > 0) skipped.push(plural(summary.unknownCodes, 'coding') + ' of codes the codebook does not list');
  if (summary.refused.length > 0) skipped.push(`${plural(summary.refused.length, 'selection')} that could not be annotated (${summary.refused[0]!.replace(/\.$/, '')})`);
  const projectSummary: ProjectImportSummary = {
    format: project.format,
    documents: [...documentOf.values()],
    topicsCreated: summary.created,
    topicsMerged: summary.merged,
    annotations: summary.added,
    notes: summary.notes,
    authors: summary.authors,
    kept,
    skipped,
    summary: `kept: ${kept.join(', ')}; skipped: ${skipped.length > 0 ? skipped.join(', ') : 'nothing'}`,
  };
  return {
    jobId: randomUUID(),
    status: 'imported',
    documentId: importedIds[0] ?? [...documentOf.values()][0] ?? '',
    title: project.name,
    pages: 0,
    passages: sourcesWithText.reduce((sum, source) => sum + source.paragraphs.length, 0),
    hasTextLayer: true,
    ocrPages: [],
    project: projectSummary,
  };
}

function safeFileName(name: string, index: number): string {
  const clean = name.replace(/[\\/\0:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return clean && clean !== '.' && clean !== '..' ? clean.replace(/\.(txt|pdf|docx?|rtf)$/i, '') || `source-${index + 1}` : `source-${index + 1}`;
}
