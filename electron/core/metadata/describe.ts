import { documentType } from './document-type';
import { metadataFields, type CorpusDocument, type DateEvidence, type FieldProvenance, type MetadataField, type MetadataSource, type PrintedLocation } from '../corpus/schema';

/**
 * A document's metadata as a list a person (or a script) can read: every field, its value,
 * and where it came from. Fields without a value are listed too, so nothing is silently
 * empty: "not found" is an answer.
 */
export interface MetadataFieldView {
  field: MetadataField;
  value: string | number | string[] | null;
  source: MetadataSource | null;
  location?: PrintedLocation;
  page?: number;
  passageId?: string;
  printed?: string;
  note?: string;
  /** For an inferred value: the dated sentences, each with the page of its passage when known. */
  evidence?: Array<DateEvidence & { page?: number }>;
  editedAt?: string;
  /** One line: "printed in the CIP record, p. 31", "inferred from the latest dated content". */
  explanation: string;
}

export interface MetadataView {
  docId: string;
  origin: CorpusDocument['origin'];
  fields: MetadataFieldView[];
}

const LOCATION_WORDS: Record<PrintedLocation, string> = {
  cover: 'on the cover',
  byline: 'in the byline',
  colophon: 'in the colophon',
  cip: 'in the CIP record',
  'copyright-line': 'in the copyright line',
  'running-header': 'in the running header',
  'closing-note': 'in the closing note',
  'first-heading': 'as the first heading',
  'first-page': 'on the first page',
  text: 'in the text',
};

const SOURCE_WORDS: Record<MetadataSource, string> = {
  printed: 'printed',
  'pdf-info': "from the PDF's document information",
  xmp: "from the PDF's XMP metadata",
  'docx-core': "from the Word file's properties",
  'front-matter': "from the file's front matter",
  inferred: 'inferred from the latest dated content',
  'file-name': 'from the file name (nothing better was found)',
  curated: "from the bundled paper's metadata file (not printed in the paper)",
  user: 'entered by you',
};

/** "printed in the CIP record, p. 31". */
export function explainProvenance(entry: FieldProvenance): string {
  const where = entry.source === 'printed' && entry.location ? ` ${LOCATION_WORDS[entry.location]}` : '';
  // A page locates printed words; for other sources it would only name a mention.
  const page = entry.source === 'printed' && entry.page !== undefined ? `, p. ${entry.page}` : '';
  if (entry.source === 'user' && entry.editedBy) return `entered by ${entry.editedBy}${entry.editedAt ? ` on ${entry.editedAt.slice(0, 10)}` : ''}`;
  return `${SOURCE_WORDS[entry.source]}${where}${page}`;
}

/** A field's value as it stands; the type is the kind's when nobody chose one. */
export function metadataValue(document: CorpusDocument, field: MetadataField): MetadataFieldView['value'] {
  const value = field === 'type' ? documentType(document) : document[field];
  if (Array.isArray(value)) return value.length > 0 ? value : null;
  return value === undefined || value === '' ? null : value;
}

/** Where a value without a provenance entry came from: type and language never had one. */
function unrecordedSource(document: CorpusDocument, field: MetadataField): string {
  if (field === 'type') return `follows from its kind (${document.kind.replace(/-/g, ' ')})`;
  if (field === 'language') return document.origin === 'bundled' ? "from the bundled paper's metadata file" : 'recognised from the words of its text';
  return 'recorded before sources were kept';
}

/** `pageOf` gives evidence passages their pages (the corpus index knows them). */
export function describeMetadata(document: CorpusDocument, pageOf: (passageId: string) => number | undefined = () => undefined): MetadataView {
  const fields = metadataFields.map((field): MetadataFieldView => {
    const value = metadataValue(document, field);
    const entry = document.provenance?.[field];
    if (value === null) return { field, value, source: null, explanation: 'not found in the document' };
    if (!entry) return { field, value, source: null, explanation: unrecordedSource(document, field) };
    const evidence = entry.evidence?.map((e) => {
      const page = pageOf(e.passageId);
      return page === undefined ? e : { ...e, page };
    });
    return { field, value, ...entry, ...(evidence ? { evidence } : {}), explanation: explainProvenance(entry) };
  });
  return { docId: document.id, origin: document.origin, fields };
}
