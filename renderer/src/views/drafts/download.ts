import type { ExportedDraftFile } from '../../../../electron/core/api/methods/drafts';

function bytesOf(data: string, encoding: 'utf8' | 'base64'): BlobPart {
  if (encoding === 'utf8') return data;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function saveBlob(fileName: string, mimeType: string, part: BlobPart): void {
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Hands an exported file (and its companions, e.g. Markdown's CSL-JSON) to the browser's download. */
export function downloadExport(file: Pick<ExportedDraftFile, 'fileName' | 'mimeType' | 'data' | 'encoding' | 'companions'>): void {
  saveBlob(file.fileName, file.mimeType, bytesOf(file.data, file.encoding));
  for (const companion of file.companions) saveBlob(companion.fileName, companion.mimeType, companion.data);
}
