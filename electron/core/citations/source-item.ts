import { documentToCslItem, type CslItem, type CslItemOptions } from './csl-item';
import type { ResolvedSource } from './types';

/** The CSL item id a source is cited under: a document's id, or a reference's citation key. */
export function sourceItemId(source: ResolvedSource): string {
  return source.reference ? source.reference.id : source.document.id;
}

/** The CSL item of a source under `id`: made from a document's metadata, or the reference's own item. */
export function sourceCslItem(source: ResolvedSource, id: string, options: CslItemOptions = {}): CslItem {
  return source.reference ? { ...source.reference, id } : documentToCslItem(source.document, id, options);
}
