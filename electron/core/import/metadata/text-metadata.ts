import { parse as parseYaml } from 'yaml';
import type { Provenance } from '../../corpus/schema';
import { findDois, findIsbns } from '../../metadata/identifiers';
import { fileNameTitle, type ImportedMetadata } from './types';

/**
 * Metadata of a text or Markdown file: a YAML front matter block (`---` … `---`, the way
 * Pandoc, Jekyll and Obsidian write it), else the first heading, else the file name.
 */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits off a YAML front matter block; malformed YAML is left in the text, as a reader would see it. */
export function splitFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, body: text };
  try {
    const data: unknown = parseYaml(match[1]!);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return { data: {}, body: text };
    return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
  } catch {
    return { data: {}, body: text };
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** `author: A`, `author: [A, B]`, `authors: - name: A` (Pandoc's and Quarto's forms). */
function asNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(asNames);
  if (value && typeof value === 'object' && 'name' in value) return asNames((value as { name: unknown }).name);
  const text = asText(value);
  return text ? text.split(/\s*;\s*|\s+and\s+/).filter(Boolean) : [];
}

function key(data: Record<string, unknown>, ...names: string[]): { name: string; value: unknown } | undefined {
  for (const name of names) {
    const found = Object.keys(data).find((k) => k.toLowerCase() === name);
    if (found !== undefined && data[found] !== undefined && data[found] !== null) return { name: found, value: data[found] };
  }
  return undefined;
}

export function textMetadata(frontMatter: Record<string, unknown>, firstHeading: string | undefined, fileName: string): ImportedMetadata {
  const provenance: Provenance = {};
  const fromFrontMatter = (name: string, value: unknown) => ({ source: 'front-matter' as const, printed: `${name}: ${asText(value) ?? asNames(value).join('; ')}` });

  const titleKey = key(frontMatter, 'title');
  const frontTitle = titleKey ? asText(titleKey.value) : undefined;
  let title: string;
  if (frontTitle && titleKey) {
    title = frontTitle;
    provenance.title = fromFrontMatter(titleKey.name, titleKey.value);
  } else if (firstHeading) {
    title = firstHeading;
    provenance.title = { source: 'printed', location: 'first-heading', page: 1, printed: firstHeading };
  } else {
    const fallback = fileNameTitle(fileName, 'in a front matter block or as a first heading', false);
    title = fallback.title;
    Object.assign(provenance, fallback.provenance);
  }

  const authorKey = key(frontMatter, 'author', 'authors', 'creator');
  const authors = authorKey ? asNames(authorKey.value) : [];
  if (authorKey && authors.length > 0) provenance.authors = fromFrontMatter(authorKey.name, authorKey.value);
  const result: ImportedMetadata = { title, authors, provenance };

  const dateKey = key(frontMatter, 'year', 'date', 'issued');
  const year = dateKey ? /\b((?:1[5-9]|20)\d{2})\b/.exec(asText(dateKey.value) ?? '')?.[1] : undefined;
  if (dateKey && year) {
    result.year = Number(year);
    provenance.year = fromFrontMatter(dateKey.name, dateKey.value);
  }
  const single = (field: 'publisher' | 'place' | 'url', names: string[], check: (v: string) => string | undefined = (v) => v) => {
    const found = key(frontMatter, ...names);
    const value = found ? check(asText(found.value) ?? '') : undefined;
    if (!found || !value) return;
    result[field] = value;
    provenance[field === 'publisher' ? 'publishers' : field] = fromFrontMatter(found.name, found.value);
  };
  single('publisher', ['publisher']);
  single('place', ['place', 'publisher-place', 'location']);
  single('url', ['url', 'link'], (v) => (/^https?:\/\//i.test(v) ? v : undefined));
  const isbnKey = key(frontMatter, 'isbn');
  const isbn = isbnKey ? findIsbns(`ISBN ${asText(isbnKey.value) ?? ''}`)[0]?.value : undefined;
  if (isbnKey && isbn) {
    result.isbn = isbn;
    provenance.isbn = fromFrontMatter(isbnKey.name, isbnKey.value);
  }
  const doiKey = key(frontMatter, 'doi');
  const doi = doiKey ? findDois(asText(doiKey.value) ?? '')[0]?.value : undefined;
  if (doiKey && doi) {
    result.doi = doi;
    provenance.doi = fromFrontMatter(doiKey.name, doiKey.value);
  }
  return result;
}
