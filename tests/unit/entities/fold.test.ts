import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldCase, foldDiacritics, foldWithOffsets, toOriginalRange } from '../../../electron/common/text/fold';
import { SEEDS_DIR, seedFiles } from './seed-paragraphs';

describe('foldDiacritics', () => {
  it('strips the diacritics the seeds use', () => {
    expect(foldDiacritics('Radoičić Radojičić Vučić Ibër-Lepenc Türkiye Lajčák Zvečan Leposavić Thaçi Gëzim Zaštita')).toBe(
      'Radoicic Radojicic Vucic Iber-Lepenc Turkiye Lajcak Zvecan Leposavic Thaci Gezim Zastita',
    );
  });

  it('folds letters that do not decompose under NFD', () => {
    expect(foldDiacritics('Đorđe Łódź Ørsted Straße Æther œuvre')).toBe('Dorde Lodz Orsted Strasse AEther oeuvre');
  });

  it('folds decomposed and precomposed input alike', () => {
    expect(foldDiacritics('Vuc\u030Cic\u0301')).toBe('Vucic');
    expect(foldDiacritics('Vu\u010Di\u0107')).toBe('Vucic');
  });

  it('normalises typographic apostrophes, quotes, dashes and spaces', () => {
    expect(foldDiacritics('NATO\u2019s \u201Csilence procedure\u201D 2021\u20132025 \u2014 a\u00A0b')).toBe(
      'NATO\'s "silence procedure" 2021-2025 - a b',
    );
  });

  it('keeps case', () => {
    expect(foldDiacritics('ÇELIK çelik')).toBe('CELIK celik');
  });
});

describe('foldCase (annotation filters and auto-coding in core, filters and pickers in the renderer)', () => {
  it('drops case and accents, decomposed or not, so a plain typed name finds the seeds\' spelling', () => {
    expect(foldCase('Radoičić VUČIĆ Vuc\u030Cic\u0301 Ibër Türkiye')).toBe('radoicic vucic vucic iber turkiye');
  });

  it('leaves typography and letters NFD keeps whole as they are (unlike foldDiacritics)', () => {
    expect(foldCase('NATO\u2019s Đorđe Straße')).toBe('nato\u2019s đorđe straße');
  });

  it('keeps the length of text that has no accents, so offsets in it stay valid', () => {
    const text = readFileSync(join(SEEDS_DIR, seedFiles()[0]!), 'utf8');
    const plain = text.normalize('NFD').replace(/\p{M}/gu, '');
    expect(foldCase(plain)).toHaveLength(plain.length);
  });
});

describe('foldWithOffsets', () => {
  it('maps a match in folded text back to the original text', () => {
    const original = 'the Ibër–Lepenc canal near Varagë, Straße 5';
    const folded = foldWithOffsets(original);
    const at = folded.text.indexOf('Iber-Lepenc');
    const range = toOriginalRange(folded, at, at + 'Iber-Lepenc'.length);
    expect(original.slice(range.start, range.end)).toBe('Ibër–Lepenc');
    const s = folded.text.indexOf('Strasse');
    const r2 = toOriginalRange(folded, s, s + 'Strasse'.length);
    expect(original.slice(r2.start, r2.end)).toBe('Straße');
  });

  it('widens a range over combining marks that folded to nothing', () => {
    const original = 'Vuc\u030Cic\u0301 said';
    const folded = foldWithOffsets(original);
    expect(folded.text).toBe('Vucic said');
    const range = toOriginalRange(folded, 0, 5);
    expect(original.slice(range.start, range.end)).toBe('Vuc\u030Cic\u0301');
  });

  it('keeps surrogate pairs whole', () => {
    const original = 'a \u{1D400} b';
    const folded = foldWithOffsets(original);
    const at = folded.text.indexOf('b');
    const range = toOriginalRange(folded, at, at + 1);
    expect(original.slice(range.start, range.end)).toBe('b');
    expect(range.start).toBe(original.indexOf('b'));
  });

  it('maps every folded character of every seed text back to text that folds to it', () => {
    for (const file of seedFiles()) {
      const original = readFileSync(join(SEEDS_DIR, file), 'utf8');
      const folded = foldWithOffsets(original);
      expect(folded.starts.length).toBe(folded.text.length);
      expect(foldDiacritics(original)).toBe(folded.text);
      // Whole words are compared: a word folded then mapped back must fold to the same word.
      for (const m of folded.text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const range = toOriginalRange(folded, m.index, m.index + m[0].length);
        expect(foldDiacritics(original.slice(range.start, range.end))).toBe(m[0]);
      }
    }
  });

  it('rejects ranges outside the folded text', () => {
    const folded = foldWithOffsets('abc');
    expect(() => toOriginalRange(folded, 2, 4)).toThrow(RangeError);
  });
});
