import type { Picture } from './ExportMenu';

/** A picture of an HTML part of a view (the timeline, the figures), via html-to-image, loaded when first asked for. */
export async function pictureOf(element: HTMLElement, format: 'png' | 'svg'): Promise<Picture> {
  const { toPng, toSvg } = await import('html-to-image');
  const background = getComputedStyle(document.body).getPropertyValue('--bg-raised').trim() || '#ffffff';
  const options = { backgroundColor: background, pixelRatio: 2, cacheBust: false };
  if (format === 'png') return { format, data: (await toPng(element, options)).replace(/^data:image\/png;base64,/, '') };
  const url = await toSvg(element, options);
  return { format, data: decodeURIComponent(url.replace(/^data:image\/svg\+xml;charset=utf-8,/, '')) };
}
