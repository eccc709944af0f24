import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { safeLinkTarget } from '../../text/safe-link';
import { cslHtmlToRuns } from '../../citations/csl-html';
import type { Draft, TiptapMark, TiptapNode } from '../model';
import { bibliographyHeading, prepareDraft, type DraftExportContext, type PreparedDraft } from './context';
import { citationNodeName } from '../../../common/drafts/citation-name';

/**
 * A Word document: headings, paragraphs, marks, lists, quotes, tables and links as Word
 * structures; citations formatted in the draft's style — in the text for author-date
 * styles, as real Word footnotes for note styles — and the bibliography at the end.
 */
export async function exportDraftDocx(draft: Draft, context: DraftExportContext): Promise<Uint8Array> {
  const prepared = await prepareDraft(draft, context);
  const builder = new DocxBuilder(prepared);
  const body = builder.build();
  const document = new Document({
    creator: 'Field Workbench',
    title: draft.title,
    features: { updateFields: false },
    numbering: {
      config: [
        {
          reference: orderedListReference,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    footnotes: builder.footnotes,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const orderedListReference = 'draft-ordered-list';

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  underline?: Record<string, never>;
  font?: string;
}

interface BlockContext {
  listLevel: number;
  /** Set inside ordered lists: which numbering instance, so each list restarts at 1. */
  orderedInstance?: number;
  bullet: boolean;
  quote: boolean;
}

class DocxBuilder {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private orderedLists = 0;

  constructor(private readonly prepared: PreparedDraft) {}

  build(): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(this.prepared.draft.title)] })];
    for (const node of this.prepared.draft.content.content ?? []) out.push(...this.block(node, { listLevel: -1, bullet: false, quote: false }));
    out.push(...this.bibliography());
    return out;
  }

  private block(node: TiptapNode, ctx: BlockContext): Array<Paragraph | Table> {
    const children = node.content ?? [];
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(children, ctx)];
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
        return [new Paragraph({ heading: headingLevels[level - 1], children: this.inline(children, {}) })];
      }
      case 'bulletList':
        return children.flatMap((item) => this.listItem(item, { ...ctx, listLevel: ctx.listLevel + 1, bullet: true, orderedInstance: undefined }));
      case 'orderedList': {
        const instance = ++this.orderedLists;
        return children.flatMap((item) => this.listItem(item, { ...ctx, listLevel: ctx.listLevel + 1, bullet: false, orderedInstance: instance }));
      }
      case 'blockquote':
        return children.flatMap((child) => this.block(child, { ...ctx, quote: true }));
      case 'codeBlock': {
        const lines = children.map((c) => c.text ?? '').join('').split('\n');
        return [new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, font: 'Courier New', break: i > 0 ? 1 : 0 })) })];
      }
      case 'horizontalRule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
      case 'table':
        return [this.table(node)];
      default:
        return children.flatMap((child) => this.block(child, ctx));
    }
  }

  /** A list item's first paragraph carries the bullet or number; later ones are indented to match. */
  private listItem(item: TiptapNode, ctx: BlockContext): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [];
    let first = true;
    for (const child of item.content ?? []) {
      if (child.type === 'paragraph') {
        out.push(this.paragraph(child.content ?? [], first ? ctx : { ...ctx, bullet: false, orderedInstance: undefined, listLevel: ctx.listLevel }, !first));
        first = false;
      } else {
        out.push(...this.block(child, ctx));
      }
    }
    return out;
  }

  private paragraph(children: readonly TiptapNode[], ctx: BlockContext, continuation = false): Paragraph {
    const runs = this.inline(children, {});
    const indentLeft = (ctx.quote ? 720 : 0) + (continuation ? 720 * (ctx.listLevel + 1) : 0);
    return new Paragraph({
      children: runs,
      ...(ctx.listLevel >= 0 && ctx.bullet && !continuation ? { bullet: { level: ctx.listLevel } } : {}),
      ...(ctx.listLevel >= 0 && ctx.orderedInstance !== undefined && !continuation
        ? { numbering: { reference: orderedListReference, level: ctx.listLevel, instance: ctx.orderedInstance } }
        : {}),
      ...(indentLeft > 0 ? { indent: { left: indentLeft } } : {}),
      ...(ctx.quote ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BBBBBB', space: 8 } } } : {}),
    });
  }

  private table(node: TiptapNode): Table {
    const rows = (node.content ?? []).map(
      (row) =>
        new TableRow({
          children: (row.content ?? []).map((cell) => {
            const header = cell.type === 'tableHeader';
            const paragraphs = (cell.content ?? []).map((p) => new Paragraph({ children: this.inline(p.content ?? [], header ? { bold: true } : {}) }));
            return new TableCell({ children: paragraphs.length ? paragraphs : [new Paragraph('')] });
          }),
        }),
    );
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }

  private inline(nodes: readonly TiptapNode[], base: RunStyle): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        const { style, href } = runStyle(node.marks ?? [], base);
        const run = new TextRun({ text: node.text ?? '', ...style, ...(href ? { style: 'Hyperlink' } : {}) });
        out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
      } else if (node.type === 'hardBreak') {
        out.push(new TextRun({ break: 1 }));
      } else if (node.type === citationNodeName) {
        out.push(...this.citation());
      } else {
        out.push(...this.inline(node.content ?? [], base));
      }
    }
    return out;
  }

  private citation(): ParagraphChild[] {
    const { formatted } = this.prepared.nextCitation();
    // A group prints once, at its first citation.
    if (formatted.groupedWithPrevious) return [];
    if (formatted.noteNumber !== undefined) {
      this.footnotes[formatted.noteNumber] = { children: [new Paragraph({ children: cslRuns(formatted.html) })] };
      return [new FootnoteReferenceRun(formatted.noteNumber)];
    }
    return formatted.missing ? [new TextRun(formatted.text)] : cslRuns(formatted.html);
  }

  private bibliography(): Paragraph[] {
    const { bibliography } = this.prepared.formatted;
    if (bibliography.entries.length === 0) return [];
    return [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(bibliographyHeading(this.prepared.formatted))] }),
      ...bibliography.entries.map((entry) => new Paragraph({ indent: { left: 720, hanging: 720 }, spacing: { after: 120 }, children: cslRuns(entry.html) })),
    ];
  }
}

function cslRuns(html: string): TextRun[] {
  return cslHtmlToRuns(html).map(
    (run) =>
      new TextRun({
        text: run.text,
        ...(run.italic ? { italics: true } : {}),
        ...(run.bold ? { bold: true } : {}),
        ...(run.smallCaps ? { smallCaps: true } : {}),
        ...(run.superscript ? { superScript: true } : {}),
        ...(run.subscript ? { subScript: true } : {}),
      }),
  );
}

function runStyle(marks: readonly TiptapMark[], base: RunStyle): { style: RunStyle; href?: string } {
  const style: RunStyle = { ...base };
  let href: string | undefined;
  for (const mark of marks) {
    if (mark.type === 'bold') style.bold = true;
    else if (mark.type === 'italic') style.italics = true;
    else if (mark.type === 'strike') style.strike = true;
    else if (mark.type === 'underline') style.underline = {};
    else if (mark.type === 'code') style.font = 'Courier New';
    else if (mark.type === 'link') href = safeLinkTarget(mark.attrs?.href) ?? href;
  }
  return href ? { style, href } : { style };
}
