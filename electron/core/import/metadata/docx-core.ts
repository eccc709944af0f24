import JSZip from 'jszip';
import type { Provenance } from '../../corpus/schema';
import { splitNames } from '../pdf/metadata';
import { candidate, titleFrom, type ImportedMetadata } from './types';

/**
 * A Word file's core properties (`docProps/core.xml`, Dublin Core): title, creator, and the
 * created/modified dates. The creator is often the account that made the file ("Admin",
 * "User"); those are not authors.
 */
export interface DocxCoreProperties {
  title?: string;
  creator?: string;
  created?: string;
  modified?: string;
}

function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  const text = match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

/** Reads the core properties; a file without them (or a damaged part) yields none. */
export async function readDocxCoreProperties(bytes: Uint8Array): Promise<DocxCoreProperties> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (!xml) return {};
    const props: DocxCoreProperties = {};
    const title = element(xml, 'dc:title');
    const creator = element(xml, 'dc:creator');
    const created = element(xml, 'dcterms:created');
    const modified = element(xml, 'dcterms:modified');
    if (title) props.title = title;
    if (creator) props.creator = creator;
    if (created) props.created = created;
    if (modified) props.modified = modified;
    return props;
  } catch {
    return {};
  }
}

const ACCOUNT_NAMES = /^(admin|administrator|user|owner|unknown|author|microsoft office user|windows user|python-docx)$/i;

/** Metadata of a Word file: core properties first, then its first heading, then its file name. */
export function docxMetadata(props: DocxCoreProperties, firstHeading: string | undefined, fileName: string): ImportedMetadata {
  const title = titleFrom(
    [
      candidate(props.title, { source: 'docx-core', printed: props.title, note: 'The Word file’s document properties (title).' }),
      candidate(firstHeading, { source: 'printed', location: 'first-heading', page: 1, printed: firstHeading }),
    ],
    fileName,
    'in the Word file’s properties or as a first heading',
    false,
  );
  const provenance: Provenance = { title: title.provenance };
  const creator = props.creator && !ACCOUNT_NAMES.test(props.creator) ? props.creator : undefined;
  const authors = creator ? splitNames(creator) : [];
  if (authors.length > 0) provenance.authors = { source: 'docx-core', printed: props.creator!, note: 'The Word file’s document properties (creator).' };
  const result: ImportedMetadata = { title: title.value, authors, provenance };
  const date = props.created ?? props.modified;
  const year = date ? /^((?:19|20)\d{2})-/.exec(date)?.[1] : undefined;
  if (year) {
    result.year = Number(year);
    provenance.year = {
      source: 'docx-core',
      printed: date!,
      note: props.created ? 'The date the Word file was created (its document properties).' : 'The date the Word file was last modified (its document properties).',
    };
  }
  return result;
}
