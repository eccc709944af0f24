/**
 * Zoom: the user sees a percentage (100% = the page at its printed size on a 96 dpi
 * screen); pdf.js wants CSS pixels per PDF point, which is that times 96/72.
 */
export const cssPixelsPerPoint = 96 / 72;

export type ZoomMode = 'fit-width' | 'fit-page' | 'custom';

export const zoomSteps = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const minZoom = zoomSteps[0]!;
const maxZoom = zoomSteps[zoomSteps.length - 1]!;

export interface PageSize {
  /** In PDF points. */
  width: number;
  height: number;
}

function clamp(zoom: number): number {
  return Math.min(maxZoom, Math.max(minZoom, zoom));
}

/** A fit may go below the smallest step, so a page still fits a narrow pane beside the text. */
const minFitZoom = 0.25;
function clampFit(zoom: number): number {
  return Math.min(maxZoom, Math.max(minFitZoom, zoom));
}

/** The zoom at which the widest page fills the available width, less a margin on each side. */
export function fitWidthZoom(pages: readonly PageSize[], availableWidth: number, margin = 16): number {
  const widest = Math.max(...pages.map((page) => page.width), 1);
  return clampFit((availableWidth - 2 * margin) / (widest * cssPixelsPerPoint));
}

/** The zoom at which a whole page (the largest) fits in the pane. */
export function fitPageZoom(pages: readonly PageSize[], availableWidth: number, availableHeight: number, margin = 16): number {
  const widest = Math.max(...pages.map((page) => page.width), 1);
  const tallest = Math.max(...pages.map((page) => page.height), 1);
  return clampFit(Math.min((availableWidth - 2 * margin) / (widest * cssPixelsPerPoint), (availableHeight - 2 * margin) / (tallest * cssPixelsPerPoint)));
}

/** The next step up or down from the current zoom (which may lie between steps after a fit). */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const epsilon = 0.001;
  if (direction === 1) return zoomSteps.find((step) => step > zoom + epsilon) ?? maxZoom;
  return [...zoomSteps].reverse().find((step) => step < zoom - epsilon) ?? clamp(zoom);
}

export function zoomLabel(zoom: number): string {
  return `${Math.round(zoom * 100)}%`;
}
