import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { anchor, buildDocumentText } from '../anchoring';
import type { AnnotationsFace } from '../annotations';
import { WorkbenchError } from '../api/errors';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { ImportResult, ProjectImportSummary } from '../import';
import { userIdFor, type Workspace } from '../store';
import type { TeamFace } from '../team';
import { planTopicPath, splitTopicPath, TopicTree, topicPathSeparator } from '../topics';
import { CodePointIndex } from '../text/code-points';
import { readAnnotationsJson, type IncomingAnnotation } from './annotation-format';

export interface ApplyAnnotationsDeps {
  workspace: Workspace;
  corpus: CorpusIndex;
  annotations: AnnotationsFace;
  team: TeamFace;
}

/** A file of annotations larger than this is refused before it is read. */
export const MAX_ANNOTATIONS_FILE_BYTES = 64 * 1024 * 1024;

const ourDocumentIri = /^urn:field-workbench:document:(.+)$/;

/**
 * Imports a W3C or Hypothesis annotation file: each annotation is matched to a document
 * here (our own document IRI, the document's address or title, else its quote found in the
 * text of any document), anchored by its quote with the anchoring module, and staged with
 * its note, tags as topics (created by path when missing) and creator as author, all in one
 * transaction. Those that anchor nowhere are counted and named; the same file twice adds
 * nothing the second time.
 */
export async function importAnnotationsFile(filePath: string, fileName: string, deps: ApplyAnnotationsDeps): Promise<ImportResult> {
  const size = (await stat(filePath)).size;
  if (size > MAX_ANNOTATIONS_FILE_BYTES) {
    throw new WorkbenchError('UNSUPPORTED', `“${fileName}” is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_ANNOTATIONS_FILE_BYTES / 1024 / 1024} MB an annotation file may hold. Split it and import the parts. Nothing was imported.`, { fileName });
  }
  const raw = (await readFile(filePath, 'utf8')).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new WorkbenchError('BAD_REQUEST', `“${fileName}” is not valid JSON (${(error as Error).message}). Nothing was imported.`, { fileName });
  }
  const incoming = readAnnotationsJson(json, fileName);
  return applyAnnotations(incoming.format, incoming.annotations, fileName, deps);
}

interface Placed {
  item: IncomingAnnotation;
  docId: string;
  start: number;
  end: number;
}

function applyAnnotations(format: 'w3c' | 'hypothesis', items: IncomingAnnotation[], fileName: string, deps: ApplyAnnotationsDeps): Promise<ImportResult> {
  const { corpus, annotations, team, workspace } = deps;
  const documents = corpus.allDocuments();
  const texts = new Map<string, string>();
  const textOf = (docId: string): string => {
    let text = texts.get(docId);
    if (text === undefined) texts.set(docId, (text = buildDocumentText(corpus.passages(docId)).text));
    return text;
  };
  const codePoints = new Map<string, CodePointIndex>();
  const byAddress = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const document of documents) {
    if (document.url) byAddress.set(addressKey(document.url), document.id);
    if (document.doi) byAddress.set(addressKey(`https://doi.org/${document.doi}`), document.id);
    byTitle.set(titleKey(document.title), document.id);
  }

  const placed: Placed[] = [];
  const orphans: IncomingAnnotation[] = [];
  for (const item of items) {
    const where = place(item);
    if (where) placed.push({ item, ...where });
    else orphans.push(item);
  }

  function place(item: IncomingAnnotation): { docId: string; start: number; end: number } | undefined {
    if (!item.quote || !item.quote.exact.trim()) return undefined;
    // The position is a hint in the text's own units: the W3C model counts code points.
    const selectorsIn = (docId: string) => ({
      quote: { type: 'TextQuoteSelector' as const, ...item.quote! },
      position: { type: 'TextPositionSelector' as const, ...positionIn(docId, item.position) },
    });
    // The documents the annotation names: anchored there, a changed text may still match closely.
    const named = new Set<string>();
    for (const source of item.sources) {
      const ours = ourDocumentIri.exec(source);
      if (ours && corpus.hasDocument(decodeURIComponent(ours[1]!))) named.add(decodeURIComponent(ours[1]!));
      const byUrl = byAddress.get(addressKey(source));
      if (byUrl) named.add(byUrl);
    }
    if (item.title) {
      const byName = byTitle.get(titleKey(item.title));
      if (byName) named.add(byName);
    }
    for (const docId of named) {
      const found = anchor(textOf(docId), selectorsIn(docId));
      if (found.status !== 'orphan') return { docId, start: found.start, end: found.end };
    }
    // Elsewhere only the very words count: the quote in full, best told apart by its context.
    let best: { docId: string; start: number; end: number; agreement: number } | undefined;
    for (const document of documents) {
      if (named.has(document.id)) continue;
      const text = textOf(document.id);
      if (!text.includes(item.quote.exact)) continue;
      const found = anchor(text, selectorsIn(document.id), { minSimilarity: 1 });
      if (found.status !== 'anchored') continue;
      const agreement = (text.slice(0, found.start).endsWith(item.quote.prefix) ? 1 : 0) + (text.slice(found.end).startsWith(item.quote.suffix) ? 1 : 0);
      if (!best || agreement > best.agreement) best = { docId: document.id, start: found.start, end: found.end, agreement };
    }
    return best && { docId: best.docId, start: best.start, end: best.end };
  }

  function positionIn(docId: string, position: IncomingAnnotation['position']): { start: number; end: number } {
    if (!position) return { start: 0, end: 0 };
    if (position.unit === 'utf-16') return { start: position.start, end: position.end };
    let index = codePoints.get(docId);
    if (!index) codePoints.set(docId, (index = new CodePointIndex(textOf(docId))));
    const start = index.toUtf16(position.start);
    const end = index.toUtf16(position.end);
    // Past the end of this text: no hint; the quote decides.
    return start === undefined || end === undefined ? { start: 0, end: 0 } : { start, end };
  }

  return workspace.transact((tx) => {
    // Tags as topic paths ("Security / Trust in police"), created where missing, parents first.
    const paths = new Map<string, string>();
    for (const { item } of placed) {
      for (const tag of item.tags) {
        try {
          paths.set(tag, splitTopicPath(tag).join(topicPathSeparator));
        } catch {
          // A tag no topic can be named after (blank, too long): left out, said below.
        }
      }
    }
    const unique = [...new Set(paths.values())];
    const before = new TopicTree(annotations.topics.list());
    const created = unique.filter((path) => planTopicPath(before, path).missing.length > 0);
    const staged = unique.length > 0 ? annotations.topics.stagePaths(tx, unique).created : [];
    const tree = new TopicTree([...annotations.topics.list(), ...staged]);
    const topicOf = (tag: string): string | undefined => {
      const path = paths.get(tag);
      return path === undefined ? undefined : planTopicPath(tree, path).existingId;
    };

    // Authors: a creator already known by name keeps their id; a new one becomes a user.
    const users = team.users();
    const userOf = new Map<string, string>();
    const taken = new Set(users.map((user) => user.id));
    const authors = new Set<string>();

    const existing = new Map<string, Set<string>>();
    // The same words, note, coder and topics: two coders' quotes of the same words are two annotations.
    const keyOf = (docId: string, start: number, end: number, note: string, coder: string, topicIds: readonly string[]) =>
      [docId, `${start}:${end}`, note, coder, [...topicIds].sort().join(',')].join('\u0000');
    const seen = (docId: string) => {
      let keys = existing.get(docId);
      if (!keys) {
        keys = new Set(
          annotations.annotations
            .ofDocument(docId)
            .map((a) => keyOf(docId, a.target.selectors.position.start, a.target.selectors.position.end, a.note, annotations.annotations.coderOf(a), a.topicIds)),
        );
        existing.set(docId, keys);
      }
      return keys;
    };

    let added = 0;
    let alreadyThere = 0;
    let notes = 0;
    let skippedTags = 0;
    let links = 0;
    let missingLinks = 0;
    const refused: string[] = [];
    const documentsUsed = new Set<string>();
    for (const { item, docId, start, end } of placed) {
      const topicIds: string[] = [];
      let untagged = 0;
      for (const tag of item.tags) {
        const id = topicOf(tag);
        if (id) topicIds.push(id);
        else untagged++;
      }
      const entityIds = item.entityIds.filter((id) => annotations.annotations.linkExists('entity', id));
      const recommendationIds = item.recommendationIds.filter((id) => annotations.annotations.linkExists('recommendation', id));
      const unknownLinks = item.entityIds.length + item.recommendationIds.length - entityIds.length - recommendationIds.length;
      let createdBy: string | undefined;
      if (item.creator) {
        createdBy = userOf.get(item.creator.key);
        if (!createdBy) {
          const sameName = (user: { name: string }) => user.name.trim().toLowerCase() === item.creator!.name.trim().toLowerCase();
          // Our own export names the user id: the same person here keeps it, a stranger with it gets another.
          const ours = item.creator.userId;
          const same = users.find((user) => user.id === item.creator!.key || (ours !== undefined && user.id === ours && sameName(user))) ?? users.find(sameName);
          createdBy = same?.id;
          if (!createdBy) {
            const base = ours !== undefined && /^[a-z0-9][a-z0-9-]{0,63}$/.test(ours) ? ours : userIdFor(item.creator.name, 'annotator');
            createdBy = base;
            for (let copy = 2; taken.has(createdBy); copy++) createdBy = `${base.slice(0, 60)}-${copy}`;
            taken.add(createdBy);
            team.stageUser(tx, { id: createdBy, name: item.creator.name.slice(0, 200) });
          }
          userOf.set(item.creator.key, createdBy);
        }
      }
      const key = keyOf(docId, start, end, item.note, createdBy ?? workspace.user.id, topicIds);
      if (seen(docId).has(key)) {
        alreadyThere++;
        continue;
      }
      skippedTags += untagged;
      const createdAt = validTime(item.created) ?? new Date().toISOString();
      try {
        annotations.annotations.stageImported(tx, {
          docId,
          start,
          end,
          topicIds,
          entityIds,
          recommendationIds,
          note: item.note,
          ...(item.color ? { color: item.color } : {}),
          ...(createdBy ? { createdBy } : {}),
          createdAt,
          ...(validTime(item.modified) ? { updatedAt: validTime(item.modified)! } : {}),
        });
      } catch (error) {
        if (error instanceof WorkbenchError && error.code === 'BAD_REQUEST') {
          refused.push(`${item.label} (${error.message.replace(/\.$/, '')})`);
          continue;
        }
        throw error;
      }
      seen(docId).add(key);
      added++;
      links += entityIds.length + recommendationIds.length;
      missingLinks += unknownLinks;
      documentsUsed.add(docId);
      if (item.note.trim()) notes++;
      if (item.creator) authors.add(item.creator.name);
    }
    return describe({ format, fileName, added, alreadyThere, notes, links, missingLinks, skippedTags, refused, orphans, created: staged.length, merged: unique.length - created.length, authors: [...authors], documents: [...documentsUsed] });
  });
}

function describe(outcome: {
  format: 'w3c' | 'hypothesis';
  fileName: string;
  added: number;
  alreadyThere: number;
  notes: number;
  links: number;
  missingLinks: number;
  skippedTags: number;
  refused: string[];
  orphans: IncomingAnnotation[];
  created: number;
  merged: number;
  authors: string[];
  documents: string[];
}): ImportResult {
  const { orphans } = outcome;
  const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const titles = [...new Set(orphans.map((orphan) => orphan.label))];
  const shown = titles.slice(0, 10).join('; ') + (titles.length > 10 ? `; and ${titles.length - 10} more` : '');
  const kept = [
    `imported ${outcome.added}` + (outcome.alreadyThere > 0 ? ` (${outcome.alreadyThere} already here)` : ''),
    ...(outcome.created + outcome.merged > 0 ? [`${plural(outcome.created, 'topic')} created, ${plural(outcome.merged, 'tag')} matching topics already here`] : []),
    ...(outcome.notes > 0 ? [plural(outcome.notes, 'note')] : []),
    ...(outcome.links > 0 ? [plural(outcome.links, 'link') + ' to entities and recommendations'] : []),
  ];
  const skipped = [
    `not anchored ${orphans.length}` + (orphans.length > 0 ? ` (${shown})` : ''),
    ...(outcome.refused.length > 0 ? [`${plural(outcome.refused.length, 'annotation')} refused: ${outcome.refused.slice(0, 5).join('; ')}`] : []),
    ...(outcome.skippedTags > 0 ? [`${plural(outcome.skippedTags, 'tag')} no topic can be named after`] : []),
    ...(outcome.missingLinks > 0 ? [`${plural(outcome.missingLinks, 'link')} to entities or recommendations not in this workspace`] : []),
  ];
  const summary: ProjectImportSummary = {
    format: outcome.format,
    documents: outcome.documents,
    topicsCreated: outcome.created,
    topicsMerged: outcome.merged,
    annotations: outcome.added,
    notes: outcome.notes,
    authors: outcome.authors,
    kept,
    skipped,
    notAnchored: titles,
    // "imported N; not anchored M (titles…)" first, the details after.
    summary: [kept[0], skipped[0], ...kept.slice(1), ...skipped.slice(1)].join('; '),
  };
  return {
    jobId: randomUUID(),
    status: 'imported',
    documentId: outcome.documents[0] ?? '',
    title: outcome.fileName,
    pages: 0,
    passages: 0,
    hasTextLayer: true,
    ocrPages: [],
    project: summary,
  };
}

function addressKey(address: string): string {
  return address
    .trim()
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/^(dx\.)?doi\.org\//i, 'doi.org/')
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function validTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

