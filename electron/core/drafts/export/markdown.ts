import type { CslItem } from '../../citations/csl-item';
import { sourceCslItem } from '../../citations/source-item';
import { citationStyles } from '../../citations/styles';
import type { CitationRef, CitationSources } from '../../citations/types';
import type { Draft, TiptapMark, TiptapNode } from '../model';
import { collectCitations } from '../content';
import { safeLinkTarget } from '../../text/safe-link';
import { citationNodeName } from '../../../common/drafts/citation-name';

/**
 * Markdown with Pandoc citations, plus the CSL-JSON file Pandoc needs (`--citeproc
 * --bibliography draft.json`).
 *
 * Keys: by default one key per cited *document* (its id); a reference is keyed by its citation
 * key (`[@judah2008, p. 12]`). Pandoc prints one bibliography
 * entry per item, so keying by passage would list the same paper once per cited passage.
 * The passage's page is kept as the locator. `keys: 'passage'` keys by the cited passage
 * or annotation id instead, for a round trip back into the workbench without losing which
 * passage was cited (its CSL items then repeat the document's metadata under each key).
 */
export interface MarkdownExportOptions {
  keys?: 'document' | 'passage';
  /** File name written into the front matter's `bibliography:`; save bibliographyJson under it. */
  bibliographyFile?: string;
}

export interface MarkdownExport {
  markdown: string;
  /** CSL-JSON items whose ids are exactly the citation keys used in `markdown`. */
  bibliography: CslItem[];
  bibliographyJson: string;
  /** Keys whose source could not be found: cited in the text, absent from the bibliography. */
  missingKeys: string[];
}

export function exportDraftMarkdown(draft: Draft, sources: CitationSources, options: MarkdownExportOptions = {}): MarkdownExport {
  const keyMode = options.keys ?? 'document';
  const refs = collectCitations(draft.content);
  const items = new Map<string, CslItem>();
  const missing = new Set<string>();
  const citations = refs.map((ref) => {
    const source = sources.resolve(ref.target);
    // A reference is keyed by its citation key in either mode: that is how Markdown cites it.
    const key = source?.reference ? source.reference.id : keyMode === 'document' || ref.target.kind === 'reference' ? ref.target.docId : ref.target.id;
    if (!source) missing.add(key);
    // The draft's own form of a supplied year, so Pandoc with the same style prints what the app does.
    else if (!items.has(key)) items.set(key, sourceCslItem(source, key, { suppliedYear: citationStyles[draft.style].suppliedYear }));
    const locator = ref.locator ?? (source?.page === undefined ? undefined : String(source.page));
    return { ref, key, locator };
  });

  const writer = new MarkdownWriter(citations);
  const body = writer.blocks(draft.content.content ?? [], '');
  const frontMatter = ['---', `title: ${JSON.stringify(draft.title)}`, `bibliography: ${JSON.stringify(options.bibliographyFile ?? 'references.json')}`, '---'].join('\n');
  const markdown = `${frontMatter}\n\n${body}`.trimEnd() + '\n';
  const bibliography = [...items.values()];
  return { markdown, bibliography, bibliographyJson: JSON.stringify(bibliography, null, 2) + '\n', missingKeys: [...missing] };
}

interface KeyedCitation {
  ref: CitationRef;
  key: string;
  locator: string | undefined;
}

/** Characters that would start Markdown syntax or a Pandoc citation if left bare in text. */
export function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>@#|~])/g, '\\$1');
}

function pandocCitationItem(citation: KeyedCitation): string {
  const { ref, key, locator } = citation;
  const prefix = ref.prefix ? `${ref.prefix.trim()} ` : '';
  const author = ref.suppressAuthor ? '-' : '';
  const page = locator ? `, ${/[-–,]/.test(locator) ? 'pp.' : 'p.'} ${locator}` : '';
  const suffixText = ref.suffix?.trim();
  const suffix = suffixText ? (suffixText.startsWith(',') ? suffixText : ` ${suffixText}`) : '';
  return `${prefix}${author}@${key}${page}${suffix}`;
}

class MarkdownWriter {
  private cursor = 0;

  constructor(private readonly citations: KeyedCitation[]) {}

  blocks(nodes: readonly TiptapNode[], indent: string): string {
    return nodes.map((node) => this.block(node, indent)).filter((s) => s !== '').join('\n\n');
  }

  private block(node: TiptapNode, indent: string): string {
    const children = node.content ?? [];
    switch (node.type) {
      case 'paragraph':
        return indent + this.inline(children).replace(/\n/g, `\n${indent}`);
      case 'heading':
        return `${indent}${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))))} ${this.inline(children)}`;
      case 'bulletList':
        return children.map((item) => this.listItem(item, indent, '- ')).join('\n');
      case 'orderedList': {
        const start = Number(node.attrs?.start ?? 1);
        return children.map((item, i) => this.listItem(item, indent, `${start + i}. `)).join('\n');
      }
      case 'blockquote':
        return this.blocks(children, '')
          .split('\n')
          .map((line) => `${indent}> ${line}`.trimEnd())
          .join('\n');
      case 'codeBlock': {
        const code = children.map((c) => c.text ?? '').join('');
        return [`${indent}\`\`\`${String(node.attrs?.language ?? '')}`, ...code.split('\n').map((l) => indent + l), `${indent}\`\`\``].join('\n');
      }
      case 'horizontalRule':
        return `${indent}---`;
      case 'table':
        return this.table(node, indent);
      default:
        return this.blocks(children, indent);
    }
  }

  private listItem(item: TiptapNode, indent: string, marker: string): string {
    const inner = this.blocks(item.content ?? [], indent + ' '.repeat(marker.length));
    return indent + marker + inner.slice(indent.length + marker.length);
  }

  private table(node: TiptapNode, indent: string): string {
    const rows = (node.content ?? []).map((row) => (row.content ?? []).map((cell) => this.inline((cell.content ?? []).flatMap((p) => p.content ?? [])).replace(/\|/g, '\\|').replace(/\n/g, ' ')));
    if (rows.length === 0) return '';
    const width = Math.max(...rows.map((r) => r.length));
    const line = (cells: string[]) => `${indent}| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    return [line(rows[0]!), `${indent}|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
  }

  /** Inline content; a run of adjacent citation nodes becomes one Pandoc group `[@a; @b]`. */
  private inline(nodes: readonly TiptapNode[]): string {
    let out = '';
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === citationNodeName) {
        const group: string[] = [];
        while (nodes[i]?.type === citationNodeName) {
          group.push(pandocCitationItem(this.nextCitation()));
          i++;
        }
        i--;
        out += `[${group.join('; ')}]`;
      } else if (node.type === 'hardBreak') {
        out += '\\\n';
      } else if (node.type === 'text') {
        out += applyMarks(node.text ?? '', node.marks ?? []);
      } else {
        out += this.inline(node.content ?? []);
      }
    }
    return out;
  }

  private nextCitation(): KeyedCitation {
    const citation = this.citations[this.cursor++];
    if (!citation) throw new Error('Markdown export walked more citations than the draft has.');
    return citation;
  }
}

function applyMarks(text: string, marks: readonly TiptapMark[]): string {
  const isCode = marks.some((m) => m.type === 'code');
  let out = isCode ? `\`${text}\`` : escapeInline(text);
  // Emphasis markers must hug the text, so surrounding spaces stay outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(out) ?? [];
  if (!core) return out;
  out = core;
  for (const mark of marks) {
    if (mark.type === 'bold') out = `**${out}**`;
    else if (mark.type === 'italic') out = `*${out}*`;
    else if (mark.type === 'strike') out = `~~${out}~~`;
    else if (mark.type === 'link') {
      // An unsafe target (javascript:, data:, ...) is dropped; the text stays.
      const href = safeLinkTarget(mark.attrs?.href);
      if (href) out = `[${out}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
    }
  }
  return lead + out + trail;
}
