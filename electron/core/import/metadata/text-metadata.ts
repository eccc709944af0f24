import { parse as parseYaml } from 'yaml';
import type { Provenance } from '../../corpus/schema';
import { findDois, findIsbns } from '../../metadata/identifiers';
import { assignFirst, candidate, titleFrom, type ImportedMetadata } from './types';

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
  const title = titleFrom(
    [
      titleKey ? candidate(asText(titleKey.value), fromFrontMatter(titleKey.name, titleKey.value)) : undefined,
      candidate(firstHeading, { source: 'printed', location: 'first-heading', page: 1, printed: firstHeading }),
    ],
    fileName,
    'in a front matter block or as a first heading',
    false,
  );
  provenance.title = title.provenance;

  const authorKey = key(frontMatter, 'author', 'authors', 'creator');
  const authors = authorKey ? asNames(authorKey.value) : [];
  if (authorKey && authors.length > 0) provenance.authors = fromFrontMatter(authorKey.name, authorKey.value);
  const result: ImportedMetadata = { title: title.value, authors, provenance };

  // Each field from the first of its keys that is present, checked the way the field needs.
  const fromKeys = <T>(names: string[], read: (text: string) => T | undefined) => {
    const found = key(frontMatter, ...names);
    return found ? candidate(read(asText(found.value) ?? ''), fromFrontMatter(found.name, found.value)) : undefined;
  };
  assignFirst(result, 'year', fromKeys(['year', 'date', 'issued'], (text) => {
    const year = /\b((?:1[5-9]|20)\d{2})\b/.exec(text)?.[1];
    return year === undefined ? undefined : Number(year);
  }));
  assignFirst(result, 'publisher', fromKeys(['publisher'], (text) => text || undefined));
  assignFirst(result, 'place', fromKeys(['place', 'publisher-place', 'location'], (text) => text || undefined));
  assignFirst(result, 'url', fromKeys(['url', 'link'], (text) => (/^https?:\/\//i.test(text) ? text : undefined)));
  assignFirst(result, 'isbn', fromKeys(['isbn'], (text) => findIsbns(`ISBN ${text}`)[0]?.value));
  assignFirst(result, 'doi', fromKeys(['doi'], (text) => findDois(text)[0]?.value));
  return result;
}
