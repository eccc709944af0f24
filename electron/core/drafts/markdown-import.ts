import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { WorkbenchError } from '../api/errors';
import { safeLinkTarget } from '../text/safe-link';
import { decodeEntities } from '../citations/csl-html';
import type { CitationTarget } from '../citations/types';
import type { CitationAttrs, DraftContent, TiptapMark, TiptapNode } from './model';
import { citationNodeName } from '../../common/drafts/citation-name';

/**
 * Markdown → draft content. Parsing is `marked`'s (CommonMark + GFM tables); this module
 * only adds Pandoc's bracketed citation syntax and maps tokens onto the editor's nodes.
 *
 * Citation keys are resolved by the caller, which knows the corpus and the workspace:
 * a key may name a passage, an annotation or a document (Markdown export keys by document),
 * or a reference of the reference library by its citation key (`[@judah2008, 12]`).
 */
export type CitationKeyResolver = (key: string) => CitationTarget | undefined;

export interface MarkdownImport {
  content: DraftContent;
  /** From YAML front matter (`title: ...`), as Markdown export writes it. */
  title?: string;
}

interface PandocCitationItem {
  key: string;
  prefix?: string;
  locator?: string;
  suffix?: string;
  suppressAuthor: boolean;
}

interface CitationToken {
  type: 'pandocCitation';
  raw: string;
  items: PandocCitationItem[];
}

/** Pandoc's key characters: starts with a letter, digit or _, then also internal :.#$%&-+?<>~/ . */
const keyPattern = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const itemPattern = new RegExp(String.raw`^([\s\S]*?)(-?)@(${keyPattern})([\s\S]*)$`, 'u');
const locatorPattern = /^\s*(?:(?:p|pp|page|pages)\.?\s*)?((?:\d+|[ivxlcdm]+)(?:\s*[-–]\s*(?:\d+|[ivxlcdm]+))?)(?=$|[,;\s])([\s\S]*)$/i;
const labelledLocatorPattern = /^\s*(?:p|pp|page|pages)\.?\s*/i;

function parseCitationItem(text: string): PandocCitationItem | undefined {
  const match = itemPattern.exec(text);
  if (!match) return undefined;
  const [, rawPrefix = '', dash, key = '', rest = ''] = match;
  // An e-mail address (x@y) is not a citation: the @ must start a word.
  if (rawPrefix && !/\s$/.test(rawPrefix)) return undefined;
  const item: PandocCitationItem = { key, suppressAuthor: dash === '-' };
  const prefix = rawPrefix.trim();
  if (prefix) item.prefix = prefix;
  let tail = rest;
  const afterComma = rest.replace(/^\s*,/, '');
  const locator = locatorPattern.exec(afterComma);
  // A bare number after the key is a locator only when introduced by a comma ("@a, 5") or a page label.
  if (locator && (labelledLocatorPattern.test(afterComma) || /^\s*,/.test(rest))) {
    item.locator = locator[1]!.replace(/\s+/g, '');
    tail = locator[2] ?? '';
  }
  // Like Pandoc, the suffix keeps its leading comma (", emphasis added") so it prints as written.
  const suffix = tail.trim();
  if (suffix) item.suffix = suffix;
  return item;
}

const citationExtension: TokenizerAndRendererExtension = {
  name: 'pandocCitation',
  level: 'inline',
  start(src: string) {
    const index = src.search(/\[[^\]]*?@/);
    return index < 0 ? undefined : index;
  },
  tokenizer(src: string): CitationToken | undefined {
    // `[...]` not followed by `(` or `[` (that would be a link), holding ;-separated items with @keys.
    const match = /^\[([^[\]]*@[^[\]]*)\](?![([])/.exec(src);
    if (!match) return undefined;
    const items = match[1]!.split(';').map(parseCitationItem);
    if (items.length === 0 || items.some((item) => item === undefined)) return undefined;
    return { type: 'pandocCitation', raw: match[0], items: items as PandocCitationItem[] };
  },
  renderer: () => '',
};

const marked = new Marked({ gfm: true });
marked.use({ extensions: [citationExtension] });

function splitFrontMatter(markdown: string): { body: string; title?: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n/.exec(markdown);
  if (!match) return { body: markdown };
  const titleLine = /^title:\s*(.+)$/m.exec(match[1]!)?.[1]?.trim();
  let title: string | undefined;
  if (titleLine) {
    try {
      title = titleLine.startsWith('"') ? String(JSON.parse(titleLine)) : titleLine.replace(/^'(.*)'$/, '$1');
    } catch {
      title = titleLine;
    }
  }
  const body = markdown.slice(match[0].length);
  return title === undefined ? { body } : { body, title };
}

export function markdownToDraftContent(markdown: string, resolveKey: CitationKeyResolver): MarkdownImport {
  const { body, title } = splitFrontMatter(markdown);
  const tokens = marked.lexer(body);
  const converter = new TokenConverter(resolveKey);
  const content = converter.blocks(tokens);
  if (converter.unknownKeys.size > 0) {
    const keys = [...converter.unknownKeys];
    throw new WorkbenchError(
      'BAD_REQUEST',
      `The Markdown cites ${keys.length === 1 ? 'a source' : `${keys.length} sources`} the workbench does not know: ${keys.map((k) => `@${k}`).join(', ')}. Cite passages, annotations or documents by their ids, and references by their citation keys (see \`workbench references\`).`,
      { unknownKeys: keys },
    );
  }
  const result: MarkdownImport = { content: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] } };
  if (title !== undefined) result.title = title;
  return result;
}

class TokenConverter {
  readonly unknownKeys = new Set<string>();

  constructor(private readonly resolveKey: CitationKeyResolver) {}

  blocks(tokens: readonly Token[]): TiptapNode[] {
    return tokens.flatMap((token) => this.block(token));
  }

  private block(token: Token): TiptapNode[] {
    switch (token.type) {
      case 'space':
      case 'def':
        return [];
      case 'heading': {
        const t = token as Tokens.Heading;
        return [withContent({ type: 'heading', attrs: { level: t.depth } }, this.inline(t.tokens, []))];
      }
      case 'paragraph':
        return [withContent({ type: 'paragraph' }, this.inline((token as Tokens.Paragraph).tokens, []))];
      case 'text': {
        // Inside tight list items marked emits block-level 'text' tokens carrying inline tokens.
        const t = token as Tokens.Text;
        return [withContent({ type: 'paragraph' }, this.inline(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Tokens.Text], []))];
      }
      case 'list': {
        const t = token as Tokens.List;
        const items = t.items.map((item): TiptapNode => {
          const content = this.blocks(item.tokens);
          return { type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] };
        });
        if (!t.ordered) return [{ type: 'bulletList', content: items }];
        const start = typeof t.start === 'number' ? t.start : 1;
        return [{ type: 'orderedList', attrs: { start }, content: items }];
      }
      case 'blockquote': {
        const content = this.blocks((token as Tokens.Blockquote).tokens);
        return [{ type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] }];
      }
      case 'code': {
        const t = token as Tokens.Code;
        return [withContent({ type: 'codeBlock', attrs: { language: t.lang || null } }, t.text ? [{ type: 'text', text: t.text }] : [])];
      }
      case 'hr':
        return [{ type: 'horizontalRule' }];
      case 'table':
        return [this.table(token as Tokens.Table)];
      case 'html':
        return (token as Tokens.HTML).text.trim() ? [withContent({ type: 'paragraph' }, [{ type: 'text', text: (token as Tokens.HTML).text.trim() }])] : [];
      default:
        return 'tokens' in token && Array.isArray(token.tokens) ? this.blocks(token.tokens) : [];
    }
  }

  private table(t: Tokens.Table): TiptapNode {
    const cell = (type: 'tableHeader' | 'tableCell', c: Tokens.TableCell): TiptapNode => ({
      type,
      content: [withContent({ type: 'paragraph' }, this.inline(c.tokens, []))],
    });
    return {
      type: 'table',
      content: [
        { type: 'tableRow', content: t.header.map((c) => cell('tableHeader', c)) },
        ...t.rows.map((row): TiptapNode => ({ type: 'tableRow', content: row.map((c) => cell('tableCell', c)) })),
      ],
    };
  }

  private inline(tokens: readonly Token[], marks: readonly TiptapMark[]): TiptapNode[] {
    const out: TiptapNode[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case 'text':
        case 'escape': {
          const t = token as Tokens.Text;
          if (t.tokens && t.tokens.length) out.push(...this.inline(t.tokens, marks));
          else pushText(out, decodeEntities(t.text), marks);
          break;
        }
        case 'strong':
          out.push(...this.inline((token as Tokens.Strong).tokens, [...marks, { type: 'bold' }]));
          break;
        case 'em':
          out.push(...this.inline((token as Tokens.Em).tokens, [...marks, { type: 'italic' }]));
          break;
        case 'del':
          out.push(...this.inline((token as Tokens.Del).tokens, [...marks, { type: 'strike' }]));
          break;
        case 'codespan':
          pushText(out, decodeEntities((token as Tokens.Codespan).text), [...marks, { type: 'code' }]);
          break;
        case 'link': {
          const t = token as Tokens.Link;
          // A link to anything but the web, mail or an anchor (javascript:, data:, ...) keeps only its text.
          const href = safeLinkTarget(t.href);
          out.push(...this.inline(t.tokens, href ? [...marks, { type: 'link', attrs: { href } }] : marks));
          break;
        }
        case 'br':
          out.push({ type: 'hardBreak' });
          break;
        case 'image': {
          // Drafts hold no images yet; keep the alt text so nothing the author wrote is lost.
          const t = token as Tokens.Image;
          if (t.text) pushText(out, t.text, marks);
          break;
        }
        case 'pandocCitation':
          out.push(...this.citations(token as unknown as CitationToken));
          break;
        default:
          if ('tokens' in token && Array.isArray(token.tokens)) out.push(...this.inline(token.tokens, marks));
          else if ('text' in token && typeof token.text === 'string') pushText(out, decodeEntities(token.text), marks);
      }
    }
    return out;
  }

  private citations(token: CitationToken): TiptapNode[] {
    const nodes: TiptapNode[] = [];
    for (const item of token.items) {
      const target = this.resolveKey(item.key);
      if (!target) {
        this.unknownKeys.add(item.key);
        continue;
      }
      const attrs: CitationAttrs = {
        targetKind: target.kind,
        targetId: target.id,
        docId: target.docId,
        locator: item.locator ?? null,
        prefix: item.prefix ?? null,
        suffix: item.suffix ?? null,
        suppressAuthor: item.suppressAuthor,
      };
      nodes.push({ type: citationNodeName, attrs: { ...attrs } });
    }
    return nodes;
  }
}

function withContent(node: TiptapNode, content: TiptapNode[]): TiptapNode {
  return content.length ? { ...node, content } : node;
}

/** Adjacent text with the same marks is one text node, as ProseMirror would normalise it. */
function pushText(out: TiptapNode[], text: string, marks: readonly TiptapMark[]): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) {
    last.text = (last.text ?? '') + text;
    return;
  }
  out.push(marks.length ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
}
