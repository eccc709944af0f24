import { anchor } from '../anchoring/anchor';
import { documentRangeToPassages, type DocumentText } from '../anchoring/document-text';
import type { AnchorStatus } from '../anchoring/types';
import type { Annotation } from './annotation-schema';

export interface ReanchorReport {
  docId: string;
  anchored: number;
  fuzzy: number;
  orphan: number;
}

/**
 * Anchors a document's annotations in its current text. Returns only the records that
 * changed, so an unchanged document costs no write.
 */
export function reanchorDocument(
  docId: string,
  annotations: readonly Annotation[],
  doc: DocumentText,
): { report: ReanchorReport; changes: Map<string, Annotation> } {
  const report: ReanchorReport = { docId, anchored: 0, fuzzy: 0, orphan: 0 };
  const changes = new Map<string, Annotation>();
  for (const annotation of annotations) {
    const result = anchor(doc.text, annotation.target.selectors);
    report[result.status] += 1;
    const next = result.status === 'orphan' ? withStatus(annotation, 'orphan') : reanchored(annotation, doc, result.start, result.end, result.status);
    if (JSON.stringify(next) !== JSON.stringify(annotation)) changes.set(annotation.id, next);
  }
  return { report, changes };
}

function reanchored(annotation: Annotation, doc: DocumentText, start: number, end: number, status: AnchorStatus): Annotation {
  const passageIds = documentRangeToPassages(doc, start, end).map((range) => range.passageId);
  const { selectors } = annotation.target;
  // The quote stays as the researcher selected it; only where it now lies is updated.
  return {
    ...annotation,
    target: {
      selectors: { ...selectors, position: { type: 'TextPositionSelector', start, end } },
      passageIds: passageIds.length > 0 ? passageIds : annotation.target.passageIds,
    },
    anchorStatus: status,
  };
}

function withStatus(annotation: Annotation, status: AnchorStatus): Annotation {
  return { ...annotation, anchorStatus: status };
}
