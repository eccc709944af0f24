import { WorkbenchError } from '../api/errors';

export const evidenceViews = ['timeline', 'figures', 'network'] as const;
export type EvidenceView = (typeof evidenceViews)[number];

export interface EvidenceImage {
  fileName: string;
  mimeType: string;
  /** SVG markup, or a PNG as base64. */
  data: string;
  encoding: 'utf8' | 'base64';
}

/** 20 MB: a drawing of the whole corpus is well under it; anything bigger is not one of ours. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Checks a drawing the renderer made of a view before it is saved: a PNG must be one, and an
 * SVG must be a plain picture — no scripts, event handlers or references outside itself, since
 * a saved SVG opened in a browser runs what it holds. Names the file after the view.
 */
export function checkedImage(view: EvidenceView, format: 'svg' | 'png', data: string): EvidenceImage {
  const fileName = `${view === 'network' ? 'entity-network' : view}.${format}`;
  if (format === 'png') {
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length > MAX_IMAGE_BYTES) throw new WorkbenchError('BAD_REQUEST', `The picture is ${Math.round(bytes.length / 2 ** 20)} MB; pictures of a view are at most 20 MB.`);
    if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
      throw new WorkbenchError('BAD_REQUEST', 'That is not a PNG picture; nothing was saved. Try the export again.');
    }
    return { fileName, mimeType: 'image/png', data, encoding: 'base64' };
  }
  if (Buffer.byteLength(data) > MAX_IMAGE_BYTES) throw new WorkbenchError('BAD_REQUEST', 'The drawing is over 20 MB; narrow the view with its filters and export again.');
  if (!/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(data) || !/<\/svg>\s*$/i.test(data)) {
    throw new WorkbenchError('BAD_REQUEST', 'That is not an SVG drawing; nothing was saved. Try the export again.');
  }
  // html-to-image draws HTML parts of a view as SVG with a foreignObject; that is fine, scripts are not.
  if (/<script\b|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']\s*(?!#|data:image\/)/i.test(data)) {
    throw new WorkbenchError('BAD_REQUEST', 'The SVG holds scripts or links to outside files, which a saved picture must not; nothing was saved.');
  }
  return { fileName, mimeType: 'image/svg+xml', data, encoding: 'utf8' };
}
