import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { z } from 'zod';
import { WorkbenchError } from '../api/errors';
import { readZipEntries } from '../zip/inspect-zip';
import { QDPX_LIMITS } from '../zip/zip-limits';
import { CodePointIndex } from './code-points';
import { sourceToDocument, splitParagraphs } from './paragraphs';
import type { ParsedCode, ParsedProject, ParsedSelection, ParsedSource, ParsedUser } from './project-format';

/** A REFI-QDA GUID, with or without braces (NVivo writes them in braces). */
const guid = z
  .string()
  .trim()
  .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/)
  .transform((value) => value.replace(/[{}]/g, '').toLowerCase());
const position = z.coerce.number().int().nonnegative();
const dateTime = z.string().trim().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date and time');
const colour = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/)
  .transform((value) => (value.length === 4 ? `#${value[1]}${value[1]}${value[2]}${value[2]}${value[3]}${value[3]}` : value).toUpperCase());

const SelectionAttributes = z.object({
  guid,
  startPosition: position,
  endPosition: position,
  creatingUser: guid.optional().catch(undefined),
  creationDateTime: dateTime.optional().catch(undefined),
});
const CodeAttributes = z.object({ guid, name: z.string().trim().min(1).max(200), isCodable: z.string().optional(), color: colour.optional().catch(undefined) });

/** Reads a `.qdpx` (a zip with project.qde and Sources/) on the worker thread. */
export async function parseQdpx(bytes: Uint8Array, fileName: string): Promise<ParsedProject> {
  // The zip is checked (entry count, sizes, ratios, paths) before anything is inflated.
  const files = await readZipEntries(bytes, fileName, QDPX_LIMITS);
  const byName = new Map<string, Buffer>();
  for (const [name, data] of files) byName.set(name.replace(/\\/g, '/').toLowerCase(), data);
  const qdeName = [...byName.keys()].find((name) => name === 'project.qde') ?? [...byName.keys()].find((name) => name.endsWith('.qde') && !name.includes('/'));
  if (!qdeName) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is not a REFI-QDA project: it has no project.qde inside. Export the project again from the program that made it (as a REFI-QDA project, .qdpx).`, { fileName });
  }
  const root = parseXml(byName.get(qdeName)!.toString('utf8'), fileName, 'Project');
  return readProject(root, fileName, (path) => {
    // internal://name: a file in Sources/; relative:// or a plain relative path: beside the project (some tools write them so).
    const internal = /^internal:\/\/(.+)$/i.exec(path.trim());
    const relative = /^relative:\/\/\/?(.+)$/i.exec(path.trim());
    const name = internal ? `sources/${internal[1]}` : relative ? relative[1]! : /^[a-z]+:\/\//i.test(path) || path.startsWith('/') ? undefined : path;
    if (!name) return undefined;
    const key = name.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();
    return byName.get(key) ?? byName.get(`sources/${key}`);
  });
}

/** Reads a `.qdc` codebook on the worker thread. */
export function parseQdc(bytes: Uint8Array, fileName: string): ParsedProject {
  const root = parseXml(new TextDecoder('utf-8').decode(bytes), fileName, 'CodeBook');
  const unusable: Unusable = { codes: 0 };
  const codes = readCodes(childElements(root, 'Codes')[0], unusable);
  if (codes.length === 0) throw new WorkbenchError('CORRUPT', `“${fileName}” holds no code with a name and a guid: there is nothing to import.`, { fileName });
  const skipped = unusable.codes > 0 ? [plural(unusable.codes, 'code') + ' without a usable guid or name'] : [];
  return { format: 'qdc', name: fileName.replace(/\.qdc$/i, ''), ...originOf(root), users: [], codes, sources: [], skipped, unattachedNotes: 0 };
}

function originOf(root: XmlElement): { origin?: string } {
  const origin = root.getAttribute('origin');
  return origin ? { origin } : {};
}

function parseXml(text: string, fileName: string, rootName: string): XmlElement {
  // Everything before the root element (declarations, comments, white space however long).
  const root = /<[A-Za-z_]/.exec(text);
  if (/<!DOCTYPE/i.test(root ? text.slice(0, root.index) : text)) {
    throw new WorkbenchError('UNSUPPORTED', `“${fileName}” declares a DOCTYPE, which REFI-QDA files never do; it was not read.`, { fileName });
  }
  let element: XmlElement | null;
  try {
    const doc = new DOMParser({ onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    } }).parseFromString(text, 'text/xml');
    element = doc.documentElement;
  } catch (error) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is damaged: its XML cannot be read (${(error as Error).message.split('\n')[0]}).`, { fileName });
  }
  if (!element || element.localName !== rootName) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” is not a REFI-QDA ${rootName === 'Project' ? 'project' : 'codebook'}: its XML starts with <${element?.localName ?? 'nothing'}>, not <${rootName}>.`, { fileName });
  }
  return element;
}

function childElements(parent: XmlElement | undefined, name?: string): XmlElement[] {
  if (!parent) return [];
  const found: XmlElement[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (name === undefined || (node as XmlElement).localName === name)) found.push(node as XmlElement);
  }
  return found;
}

function textOf(element: XmlElement | undefined): string {
  return element?.textContent ?? '';
}

function attributes(element: XmlElement): Record<string, string> {
  const result: Record<string, string> = {};
  for (let index = 0; index < element.attributes.length; index++) {
    const attribute = element.attributes.item(index)!;
    result[attribute.localName ?? attribute.name] = attribute.value;
  }
  return result;
}

/** Codes without a usable guid or name, counted as the codebook is read (a whole branch counts as one). */
interface Unusable {
  codes: number;
}

function readCodes(codes: XmlElement | undefined, unusable: Unusable): ParsedCode[] {
  return childElements(codes, 'Code').flatMap((element) => {
    const parsed = CodeAttributes.safeParse(attributes(element));
    if (!parsed.success) {
      unusable.codes++;
      return [];
    }
    const { guid: codeGuid, name, isCodable, color } = parsed.data;
    return [
      {
        guid: codeGuid,
        name,
        codable: isCodable === undefined ? true : isCodable.trim() === 'true' || isCodable.trim() === '1',
        ...(color ? { color } : {}),
        description: textOf(childElements(element, 'Description')[0]).trim(),
        children: readCodes(element, unusable),
      },
    ];
  });
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function readProject(root: XmlElement, fileName: string, file: (path: string) => Buffer | undefined): ParsedProject {
  const skipped: string[] = [];
  const users: ParsedUser[] = childElements(childElements(root, 'Users')[0], 'User').flatMap((element) => {
    const id = guid.safeParse(element.getAttribute('guid') ?? '');
    return id.success ? [{ guid: id.data, name: (element.getAttribute('name') ?? '').trim() || `User ${id.data.slice(0, 8)}` }] : [];
  });
  const unusable: Unusable = { codes: 0 };
  const codes = readCodes(childElements(childElements(root, 'CodeBook')[0], 'Codes')[0], unusable);

  // Notes are text sources of their own; selections and codes point at them by NoteRef.
  const notes = new Map<string, string>();
  for (const element of childElements(childElements(root, 'Notes')[0], 'Note')) {
    const id = guid.safeParse(element.getAttribute('guid') ?? '');
    if (!id.success) continue;
    const path = element.getAttribute('plainTextPath');
    const content = childElements(element, 'PlainTextContent')[0];
    const text = content ? textOf(content) : path ? (file(path)?.toString('utf8') ?? '') : '';
    const name = (element.getAttribute('name') ?? '').trim();
    notes.set(id.data, name && !text.startsWith(name) ? `${name}: ${text.trim()}` : text.trim());
  }
  const referenced = new Set<string>();
  const notesOf = (element: XmlElement): string[] => {
    const texts = [textOf(childElements(element, 'Description')[0]).trim()];
    for (const ref of childElements(element, 'NoteRef')) {
      const id = guid.safeParse(ref.getAttribute('targetGUID') ?? '');
      if (id.success && notes.has(id.data)) {
        referenced.add(id.data);
        texts.push(notes.get(id.data)!);
      }
    }
    return texts.filter(Boolean);
  };
  // Code memos join the code's description.
  const withMemos = (list: ParsedCode[], elements: XmlElement[]): void => {
    list.forEach((code) => {
      const element = elements.find((candidate) => guid.safeParse(candidate.getAttribute('guid') ?? '').data === code.guid);
      if (!element) return;
      const memo = notesOf(element).filter((text) => text !== code.description);
      if (memo.length > 0) code.description = [code.description, ...memo].filter(Boolean).join('\n\n');
      withMemos(code.children, childElements(element, 'Code'));
    });
  };
  withMemos(codes, childElements(childElements(childElements(root, 'CodeBook')[0], 'Codes')[0], 'Code'));

  const sources: ParsedSource[] = [];
  let selectionsOutside = 0;
  let sourceCodings = 0;
  let pdfSelections = 0;
  const unreadable: string[] = [];
  const otherSources: Record<string, number> = {};

  const readTextSource = (element: XmlElement, name: string, kind: 'text' | 'pdf', pdf: Uint8Array | undefined, extraNotes: string[]): void => {
    const content = childElements(element, 'PlainTextContent')[0];
    const path = element.getAttribute('plainTextPath');
    const bytes = content ? undefined : path ? file(path) : undefined;
    if (!content && !bytes) {
      unreadable.push(element.getAttribute('richTextPath') && !path ? `“${name}” (rich text only, no plain text)` : `“${name}” (its text ${path ? `at ${path} ` : ''}is not in the project)`);
      return;
    }
    // Text files may start with a byte order mark, which is not part of the text.
    const text = content ? textOf(content) : bytes!.toString('utf8').replace(/^\uFEFF/, '');
    const index = new CodePointIndex(text);
    const paragraphs = splitParagraphs(text);
    const selections: ParsedSelection[] = [];
    for (const selection of childElements(element, 'PlainTextSelection')) {
      const parsed = SelectionAttributes.safeParse(attributes(selection));
      const start = parsed.success ? index.toUtf16(parsed.data.startPosition) : undefined;
      const end = parsed.success ? index.toUtf16(parsed.data.endPosition) : undefined;
      if (!parsed.success || start === undefined || end === undefined || end <= start) {
        selectionsOutside++;
        continue;
      }
      const documentStart = sourceToDocument(paragraphs, start, 'start');
      const documentEnd = sourceToDocument(paragraphs, end, 'end');
      if (documentStart === undefined || documentEnd === undefined || documentEnd <= documentStart) {
        selectionsOutside++;
        continue;
      }
      const codeGuids = childElements(selection, 'Coding').flatMap((coding) => {
        const target = guid.safeParse(childElements(coding, 'CodeRef')[0]?.getAttribute('targetGUID') ?? '');
        return target.success ? [target.data] : [];
      });
      const codingUser = childElements(selection, 'Coding')
        .map((coding) => guid.safeParse(coding.getAttribute('creatingUser') ?? '').data)
        .find(Boolean);
      const creatingUser = parsed.data.creatingUser ?? codingUser;
      selections.push({
        guid: parsed.data.guid,
        start: documentStart,
        end: documentEnd,
        quote: text.slice(start, end),
        codeGuids: [...new Set(codeGuids)],
        note: notesOf(selection).join('\n\n'),
        ...(creatingUser ? { creatingUser } : {}),
        ...(parsed.data.creationDateTime ? { creationDateTime: new Date(parsed.data.creationDateTime).toISOString() } : {}),
      });
    }
    sourceCodings += childElements(element, 'Coding').length;
    const id = guid.safeParse(element.getAttribute('guid') ?? '');
    sources.push({
      guid: id.success ? id.data : `source-${sources.length}`,
      name,
      kind,
      paragraphs: paragraphs.texts,
      ...(pdf ? { pdf } : {}),
      selections,
      description: [...extraNotes, ...notesOf(element)].join('\n\n'),
    });
  };

  for (const element of childElements(childElements(root, 'Sources')[0])) {
    const name = (element.getAttribute('name') ?? '').trim() || 'Untitled source';
    if (element.localName === 'TextSource') readTextSource(element, name, 'text', undefined, []);
    else if (element.localName === 'PDFSource') {
      pdfSelections += childElements(element, 'PDFSelection').length;
      sourceCodings += childElements(element, 'Coding').length;
      const representation = childElements(element, 'Representation')[0];
      const path = element.getAttribute('path');
      const pdfBytes = path ? file(path) : undefined;
      const pdf = pdfBytes && pdfBytes.subarray(0, 1024).toString('latin1').includes('%PDF-') ? new Uint8Array(pdfBytes) : undefined;
      if (representation) readTextSource(representation, name, 'pdf', pdf, notesOf(element));
      else unreadable.push(`“${name}” (a PDF without its plain-text representation)`);
    } else otherSources[element.localName ?? 'source'] = (otherSources[element.localName ?? 'source'] ?? 0) + 1;
  }

  const sourceKinds: Record<string, string> = { PictureSource: 'picture source', AudioSource: 'audio source', VideoSource: 'video source' };
  for (const [kind, count] of Object.entries(otherSources)) skipped.push(plural(count, sourceKinds[kind] ?? kind));
  if (unreadable.length > 0) skipped.push(`${plural(unreadable.length, 'source')} without readable text: ${unreadable.join(', ')}`);
  if (pdfSelections > 0) skipped.push(plural(pdfSelections, 'PDF area selection'));
  if (sourceCodings > 0) skipped.push(plural(sourceCodings, 'coding of a whole source', 'codings of whole sources'));
  if (selectionsOutside > 0) skipped.push(`${plural(selectionsOutside, 'selection')} outside ${selectionsOutside === 1 ? 'its' : 'their'} source's text`);
  const counted: Array<[string, string, string]> = [
    ['Cases', 'Case', 'case'],
    ['Variables', 'Variable', 'variable'],
    ['Sets', 'Set', 'set'],
    ['Graphs', 'Graph', 'graph'],
    ['Links', 'Link', 'link'],
  ];
  for (const [group, item, label] of counted) {
    const count = childElements(childElements(root, group)[0], item).length;
    if (count > 0) skipped.push(plural(count, label));
  }
  if (unusable.codes > 0) skipped.push(plural(unusable.codes, 'code') + ' without a usable guid or name');
  const unattachedNotes = [...notes.keys()].filter((id) => !referenced.has(id)).length;
  if (unattachedNotes > 0) skipped.push(plural(unattachedNotes, 'memo attached to nothing we keep', 'memos attached to nothing we keep'));
  if (sources.length === 0 && codes.length === 0) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” holds no codes and no source with text: there is nothing to import.`, { fileName });
  }
  return { format: 'qdpx', name: (root.getAttribute('name') ?? '').trim() || fileName.replace(/\.qdpx$/i, ''), ...originOf(root), users, codes, sources, skipped, unattachedNotes };
}
