/** What an SVG of the network needs to know of a drawn graph: where each node and edge is. */
export interface DrawnNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface DrawnEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The network as a plain SVG: circles, lines and text, nothing else (no scripts, no outside
 * references), so it opens in any editor. Cytoscape draws on a canvas and has no SVG export
 * of its own; the one plugin that adds it is GPL, which the app's MIT licence cannot take.
 */
export function networkSvg(nodes: readonly DrawnNode[], edges: readonly DrawnEdge[], colors: { background: string; edge: string; text: string }): string {
  const margin = 40;
  const xs = nodes.flatMap((n) => [n.x - n.size / 2, n.x + n.size / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.size / 2, n.y + n.size / 2 + 16]);
  const minX = Math.min(...xs) - margin;
  const minY = Math.min(...ys) - margin;
  const width = Math.max(...xs) + margin - minX;
  const height = Math.max(...ys) + margin - minY;
  const lines = edges.map((e) => `<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(e.x2)}" y2="${round(e.y2)}" stroke-width="${round(e.width)}"/>`);
  const circles = nodes.map((n) => `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.size / 2)}" fill="${escape(n.color)}"/>`);
  const labels = nodes.filter((n) => n.label).map((n) => `<text x="${round(n.x)}" y="${round(n.y + n.size / 2 + 13)}">${escape(n.label)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(minX)} ${round(minY)} ${round(width)} ${round(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}">`,
    `<rect x="${round(minX)}" y="${round(minY)}" width="${round(width)}" height="${round(height)}" fill="${escape(colors.background)}"/>`,
    `<g stroke="${escape(colors.edge)}" stroke-opacity="0.35">${lines.join('')}</g>`,
    `<g stroke="#ffffff" stroke-width="1">${circles.join('')}</g>`,
    `<g font-family="sans-serif" font-size="12" text-anchor="middle" fill="${escape(colors.text)}">${labels.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
