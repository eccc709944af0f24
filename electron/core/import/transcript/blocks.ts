/**
 * The common input of transcript parsing: what .txt, .md and .docx files all reduce to.
 * A heading starts a section; a line is text; a break separates paragraphs.
 */
export type TextBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'line'; text: string }
  /** A blank line; `endsTurn` for a horizontal rule, after which text is nobody's turn. */
  | { kind: 'break'; endsTurn?: boolean };

export function blocksFromPlainText(text: string): TextBlock[] {
  return text.split(/\r\n|\r|\n/).map((line) => (line.trim() === '' ? { kind: 'break' } : { kind: 'line', text: line.trim() }));
}

/** Markdown: ATX headings (`## Title`) and setext headings (a line over `===`/`---`). */
export function blocksFromMarkdown(text: string): TextBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: TextBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = lines[i + 1]?.trim() ?? '';
    const atx = /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    if (atx) {
      blocks.push({ kind: 'heading', level: atx[1]!.length, text: stripInlineMarkdown(atx[2]!) });
    } else if (line !== '' && /^(=+|-+)$/.test(next) && !/^[-*_]{3,}$/.test(line)) {
      blocks.push({ kind: 'heading', level: next.startsWith('=') ? 1 : 2, text: stripInlineMarkdown(line) });
      i += 1;
    } else if (/^([-*_])(\s*\1){2,}$/.test(line)) {
      blocks.push({ kind: 'break', endsTurn: true });
    } else if (line === '') {
      blocks.push({ kind: 'break' });
    } else {
      // Block quotes (`> `) keep their text: in interview notes they usually hold a quote.
      blocks.push({ kind: 'line', text: stripInlineMarkdown(line.replace(/^>\s?/, '')) });
    }
  }
  return blocks;
}

/** Emphasis and links go; their text stays. `**Name:**` becomes `Name:`. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]*)\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
