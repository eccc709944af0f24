/** The largest file sent as bytes; core refuses more (MAX_IMPORT_BYTES in the import API). */
export const MAX_DROPPED_BYTES = 200 * 1024 * 1024;

/** A File's content as base64, read by the browser (the renderer has no file system access). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read. It may have been moved or deleted; drop it again.`));
    reader.onload = () => {
      const url = String(reader.result);
      // A data URL: "data:<type>;base64,<content>".
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
