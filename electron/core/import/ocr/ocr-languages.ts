import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WorkbenchError } from '../../api/errors.js';

/**
 * Languages OCR can read. English and French come with the app (tesseract's "best_int"
 * models, from the npm packages `@tesseract.js-data/<code>`, the only ones the registry
 * has); any other tesseract model (Albanian `sqi`, Serbian `srp` and `srp_latn`, …) is
 * used once its `<code>.traineddata` file is put into the workspace's `ocr-languages/`.
 */
export interface OcrLanguageFile {
  code: string;
  name: string;
  file: string;
  source: 'bundled' | 'workspace';
}

export const BUNDLED_OCR_LANGUAGES = ['eng', 'fra'] as const;
export const DEFAULT_OCR_LANGUAGES = ['eng'];
export const OCR_LANGUAGES_FOLDER = 'ocr-languages';

/** tesseract's model names: ISO 639-2 codes, some with a script (`srp_latn`, `chi_sim`). */
export const OCR_LANGUAGE_CODE = /^[a-z]{3}(?:_[a-z]{2,8})?$/;

const NAMES: Record<string, string> = {
  eng: 'English',
  fra: 'French',
  sqi: 'Albanian',
  srp: 'Serbian (Cyrillic)',
  srp_latn: 'Serbian (Latin)',
  hrv: 'Croatian',
  bos: 'Bosnian',
  mkd: 'Macedonian',
  deu: 'German',
  tur: 'Turkish',
};

export function ocrLanguageName(code: string): string {
  return NAMES[code] ?? code;
}

export function ocrLanguagesDir(workspaceDir: string): string {
  return path.join(workspaceDir, OCR_LANGUAGES_FOLDER);
}

function bundledFile(code: string): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`@tesseract.js-data/${code}/package.json`);
    return path.join(path.dirname(manifest), '4.0.0_best_int', `${code}.traineddata.gz`);
  } catch {
    return undefined;
  }
}

/** Every language OCR can use here; a workspace file replaces a bundled model of the same code. */
export async function listOcrLanguages(workspaceDir?: string): Promise<OcrLanguageFile[]> {
  const languages = new Map<string, OcrLanguageFile>();
  for (const code of BUNDLED_OCR_LANGUAGES) {
    const file = bundledFile(code);
    if (file) languages.set(code, { code, name: ocrLanguageName(code), file, source: 'bundled' });
  }
  if (workspaceDir) {
    const dir = ocrLanguagesDir(workspaceDir);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const code = name.endsWith('.traineddata') ? name.slice(0, -'.traineddata'.length) : undefined;
      if (!code || !OCR_LANGUAGE_CODE.test(code)) continue;
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat?.isFile() && stat.size > 0) languages.set(code, { code, name: ocrLanguageName(code), file, source: 'workspace' });
    }
  }
  return [...languages.values()];
}

/** The files for the languages asked for, or an error that says how to add a missing one. */
export async function resolveOcrLanguages(codes: readonly string[], workspaceDir?: string): Promise<OcrLanguageFile[]> {
  const available = await listOcrLanguages(workspaceDir);
  const byCode = new Map(available.map((language) => [language.code, language]));
  const chosen: OcrLanguageFile[] = [];
  for (const code of new Set(codes)) {
    if (!OCR_LANGUAGE_CODE.test(code)) {
      throw new WorkbenchError('BAD_REQUEST', `“${code}” is not an OCR language code. Use tesseract's codes, such as eng, fra, sqi or srp_latn.`, { code });
    }
    const language = byCode.get(code);
    if (!language) {
      const where = workspaceDir ? ocrLanguagesDir(workspaceDir) : `the workspace's ${OCR_LANGUAGES_FOLDER} folder`;
      throw new WorkbenchError(
        'NOT_FOUND',
        `OCR cannot read ${ocrLanguageName(code)} (${code}) yet: put its model file ${code}.traineddata (from tesseract's tessdata_best or tessdata_fast collection) into ${where} and import again. Available now: ${available.map((l) => l.code).join(', ')}.`,
        { code },
      );
    }
    chosen.push(language);
  }
  if (chosen.length === 0) throw new WorkbenchError('BAD_REQUEST', 'Choose at least one OCR language, such as eng.');
  return chosen;
}
