import { safeLinkTarget } from '../../text/safe-link';
import type { TiptapMark, TiptapNode } from '../model';
import type { Draft } from '../model';
import { bibliographyHeading, prepareDraft, type DraftExportContext, type PreparedDraft } from './context';
import { citationNodeName } from '../../../common/drafts/citation-name';

/**
 * A complete, standalone HTML document: inline CSS, no scripts, no external resources
 * (its CSP says so), so it opens offline and prints to PDF in Chromium as it looks here.
 */
export async function exportDraftHtml(draft: Draft, context: DraftExportContext): Promise<string> {
  const prepared = await prepareDraft(draft, context);
  return renderHtmlDocument(prepared);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const css = `
  body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; line-height: 1.5; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #111; }
  h1, h2, h3, h4, h5, h6 { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; line-height: 1.25; }
  blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #bbb; color: #333; }
  table { border-collapse: collapse; margin: 1em 0; }
  th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
  pre { background: #f4f4f4; padding: 0.5em; overflow-x: auto; }
  .citation { white-space: normal; }
  .footnote-ref a { text-decoration: none; }
  .footnotes, .bibliography { margin-top: 2em; border-top: 1px solid #ccc; font-size: 0.95em; }
  .csl-entry { padding-left: 2em; text-indent: -2em; margin: 0.25em 0; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

function renderHtmlDocument(prepared: PreparedDraft): string {
  const footnotes: string[] = [];
  const body = (prepared.draft.content.content ?? []).map((node) => renderBlock(node, prepared, footnotes)).join('\n');
  const { formatted } = prepared;
  const notesSection = footnotes.length
    ? `<section class="footnotes" role="doc-endnotes"><h2>Notes</h2><ol>\n${footnotes.join('\n')}\n</ol></section>`
    : '';
  const bibliographySection = formatted.bibliography.entries.length
    ? `<section class="bibliography" role="doc-bibliography"><h2>${bibliographyHeading(formatted)}</h2>\n${formatted.bibliography.entries
        .map((entry) => `<div class="csl-entry" data-item-id="${escapeHtml(entry.itemId)}">${entry.html.replace(/^<div class="csl-entry">|<\/div>$/g, '')}</div>`)
        .join('\n')}\n</section>`
    : '';
  const title = escapeHtml(prepared.draft.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Field Workbench">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
<article>
<h1 class="draft-title">${title}</h1>
${body}
</article>
${notesSection}
${bibliographySection}
</body>
</html>
`;
}

function renderChildren(node: TiptapNode, prepared: PreparedDraft, footnotes: string[]): string {
  return (node.content ?? []).map((child) => renderBlock(child, prepared, footnotes)).join('');
}

function renderBlock(node: TiptapNode, prepared: PreparedDraft, footnotes: string[]): string {
  const inner = () => renderChildren(node, prepared, footnotes);
  switch (node.type) {
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      // The draft's title is the document's h1, so the draft's own headings start one level down.
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)) + 1);
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return start !== 1 ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml((node.content ?? []).map((c) => c.text ?? '').join(''))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'table':
      return `<table>${inner()}</table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th>${inner()}</th>`;
    case 'tableCell':
      return `<td>${inner()}</td>`;
    case 'text':
      return applyMarks(escapeHtml(node.text ?? ''), node.marks ?? []);
    case citationNodeName:
      return renderCitation(prepared, footnotes);
    default:
      // Unknown nodes keep their content rather than vanish from the export.
      return inner();
  }
}

function renderCitation(prepared: PreparedDraft, footnotes: string[]): string {
  const { ref, formatted } = prepared.nextCitation();
  // A group prints once, at its first citation.
  if (formatted.groupedWithPrevious) return '';
  const data = `data-target-kind="${escapeHtml(ref.target.kind)}" data-target-id="${escapeHtml(ref.target.id)}" data-doc-id="${escapeHtml(ref.target.docId)}"`;
  if (formatted.noteNumber !== undefined) {
    const n = formatted.noteNumber;
    footnotes.push(`<li id="fn-${n}" class="citation" ${data}>${formatted.html} <a href="#fnref-${n}" role="doc-backlink" aria-label="Back to text">↩</a></li>`);
    return `<sup class="footnote-ref"><a href="#fn-${n}" id="fnref-${n}" role="doc-noteref">${n}</a></sup>`;
  }
  const missing = formatted.missing ? ' missing' : '';
  return `<span class="citation${missing}" ${data}>${formatted.missing ? escapeHtml(formatted.html) : formatted.html}</span>`;
}

function applyMarks(html: string, marks: readonly TiptapMark[]): string {
  let out = html;
  for (const mark of marks) {
    switch (mark.type) {
      case 'bold':
        out = `<strong>${out}</strong>`;
        break;
      case 'italic':
        out = `<em>${out}</em>`;
        break;
      case 'strike':
        out = `<s>${out}</s>`;
        break;
      case 'underline':
        out = `<u>${out}</u>`;
        break;
      case 'code':
        out = `<code>${out}</code>`;
        break;
      case 'link': {
        const href = safeLinkTarget(mark.attrs?.href);
        if (href) out = `<a href="${escapeHtml(href)}">${out}</a>`;
        break;
      }
    }
  }
  return out;
}
