/** Hands a file to the browser's download (the app's shell asks where to save it). */
export function downloadFile(fileName: string, mimeType: string, data: string, encoding: 'utf8' | 'base64' = 'utf8'): void {
  const body = encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
  const url = URL.createObjectURL(new Blob([body], { type: encoding === 'utf8' ? `${mimeType};charset=utf-8` : mimeType }));
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
