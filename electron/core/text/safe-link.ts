/**
 * The link targets the workbench writes into exports (HTML, Markdown, DOCX) and keeps from
 * imported Markdown: web and mail links, and anchors inside the same document. Anything
 * else (`javascript:`, `data:`, `vbscript:`, `file:`, relative paths) is dropped and the
 * linked text stays as plain text: an exported file is opened in browsers, editors and
 * word processors we do not control, and offline nothing else is useful to follow anyway.
 *
 * The check reads the target as a browser does: tabs and line breaks anywhere are ignored,
 * and so are spaces and control characters at either end, so `java\nscript:` is caught.
 */
export function safeLinkTarget(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const target = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (target === '' || /[\u0000-\u001f\u007f]/.test(target)) return undefined;
  if (target.startsWith('#')) return target;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? target : undefined;
}
