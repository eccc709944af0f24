/**
 * A guess at the document's language from its script: enough to set text direction and
 * search folding for Arabic or Hebrew material. Latin-script text defaults to English;
 * the user can correct it in the document's metadata.
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  const arabic = count(/[\u0600-\u06FF\u0750-\u077F]/g);
  const hebrew = count(/[\u0590-\u05FF]/g);
  const cyrillic = count(/[\u0400-\u04FF]/g);
  const latin = count(/[A-Za-z\u00C0-\u024F]/g);
  const best = Math.max(arabic, hebrew, cyrillic, latin);
  if (best === 0 || best === latin) return 'en';
  if (best === arabic) return 'ar';
  if (best === hebrew) return 'he';
  return 'sr';
}
