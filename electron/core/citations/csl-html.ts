/**
 * citeproc-js writes its HTML with a small, fixed vocabulary (<i>, <b>, <sup>, <sub>,
 * small-caps and normal-style spans, csl-entry divs, numeric entities). DOCX export needs
 * that as styled runs, so this reads exactly that vocabulary and nothing more.
 */
export interface StyledRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
  smallCaps?: boolean;
  superscript?: boolean;
  subscript?: boolean;
}

type Style = Omit<StyledRun, 'text'>;

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}

function styleOfTag(tag: string): Style | undefined {
  const name = /^<\s*([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase();
  if (name === 'i' || name === 'em') return { italic: true };
  if (name === 'b' || name === 'strong') return { bold: true };
  if (name === 'sup') return { superscript: true };
  if (name === 'sub') return { subscript: true };
  if (name === 'span') {
    if (/font-variant:\s*small-caps/i.test(tag)) return { smallCaps: true };
    if (/font-style:\s*normal/i.test(tag)) return { italic: false };
    if (/font-weight:\s*normal/i.test(tag)) return { bold: false };
    if (/font-style:\s*italic/i.test(tag)) return { italic: true };
    if (/font-weight:\s*bold/i.test(tag)) return { bold: true };
  }
  return {};
}

/** Splits citeproc HTML into runs, merging neighbours that share a style. */
export function cslHtmlToRuns(html: string): StyledRun[] {
  const runs: StyledRun[] = [];
  const stack: Style[] = [{}];
  for (const [token] of html.matchAll(/<[^>]*>|[^<]+/g)) {
    if (token.startsWith('</')) {
      if (stack.length > 1) stack.pop();
    } else if (token.startsWith('<')) {
      const selfClosing = token.endsWith('/>') || /^<\s*br\b/i.test(token);
      if (!selfClosing) stack.push({ ...stack[stack.length - 1], ...styleOfTag(token) });
    } else {
      const style = stack[stack.length - 1]!;
      const text = decodeEntities(token);
      const last = runs[runs.length - 1];
      if (last && sameStyle(last, style)) last.text += text;
      else runs.push({ text, ...pruned(style) });
    }
  }
  return runs;
}

export function cslHtmlToText(html: string): string {
  return cslHtmlToRuns(html).map((run) => run.text).join('');
}

function pruned(style: Style): Style {
  const out: Style = {};
  for (const key of ['italic', 'bold', 'smallCaps', 'superscript', 'subscript'] as const) if (style[key]) out[key] = true;
  return out;
}

function sameStyle(a: Style, b: Style): boolean {
  const pa = pruned(a);
  const pb = pruned(b);
  return (['italic', 'bold', 'smallCaps', 'superscript', 'subscript'] as const).every((k) => Boolean(pa[k]) === Boolean(pb[k]));
}
