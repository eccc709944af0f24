import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDocumentText, type DocumentText } from '../../../../electron/core/anchoring/document-text';
import type { CorpusLookup } from '../../../../electron/core/annotations/corpus-lookup';
import type { Passage } from '../../../../electron/core/corpus/schema';

const seedsDir = fileURLToPath(new URL('../../../../seeds/', import.meta.url));

/** A seed paper's raw text, as the corpus build reads it. */
export function seedText(file: string): string {
  return readFileSync(`${seedsDir}${file}`, 'utf8');
}

export const natoBriefFile = '004_8f46781e496f4f68.txt';
export const securityReportFile = '000_e87488ddfbf88c13.txt';

/**
 * Passages from a real seed: one per non-empty paragraph, a page every twelve paragraphs.
 * Cruder than the corpus build, but the text itself is the real, messy text.
 */
export function seedPassages(docId: string, file: string): Passage[] {
  return paragraphsToPassages(
    docId,
    seedText(file)
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 0),
  );
}

export function paragraphsToPassages(docId: string, paragraphs: string[], speakers?: string[]): Passage[] {
  return paragraphs.map((text, order) => ({
    id: `${docId}-p${order}`,
    docId,
    sectionPath: [],
    kind: 'paragraph',
    text,
    page: 1 + Math.floor(order / 12),
    order,
    footnoteRefs: [],
    links: [],
    backMatter: false,
    ...(speakers?.[order] ? { speaker: speakers[order] } : {}),
  }));
}

/** A CorpusLookup over documents whose passages a test can replace (a re-extracted text). */
export class TestCorpus implements CorpusLookup {
  private readonly passages = new Map<string, Passage>();
  private readonly documents = new Map<string, { title: string; text: DocumentText }>();
  readonly entities = new Map<string, string>();
  readonly recommendations = new Map<string, string>();

  setDocument(docId: string, title: string, passages: Passage[]): void {
    for (const [id, passage] of this.passages) if (passage.docId === docId) this.passages.delete(id);
    for (const passage of passages) this.passages.set(passage.id, passage);
    this.documents.set(docId, { title, text: buildDocumentText(passages) });
  }

  getPassage(passageId: string): Passage | undefined {
    return this.passages.get(passageId);
  }

  getDocumentText(docId: string): DocumentText | undefined {
    return this.documents.get(docId)?.text;
  }

  entityExists(entityId: string): boolean {
    return this.entities.has(entityId);
  }

  recommendationExists(recommendationId: string): boolean {
    return this.recommendations.has(recommendationId);
  }

  documentTitle(docId: string): string | undefined {
    return this.documents.get(docId)?.title;
  }

  entityName(entityId: string): string | undefined {
    return this.entities.get(entityId);
  }

  recommendationLabel(recommendationId: string): string | undefined {
    return this.recommendations.get(recommendationId);
  }

  /** The passage whose text contains `needle` (the first, in document order). */
  passageContaining(docId: string, needle: string): Passage {
    for (const passage of this.passages.values()) if (passage.docId === docId && passage.text.includes(needle)) return passage;
    throw new Error(`No passage of ${docId} contains "${needle}"`);
  }
}
