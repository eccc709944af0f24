import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli, pdf } from '../import-api/support';
import { runCli } from '../../../electron/core/cli/program';

const tempDir = useTempDirs();

interface FieldView {
  field: string;
  value: unknown;
  source: string | null;
  location?: string;
  page?: number;
  passageId?: string;
  printed?: string;
  evidence?: Array<{ passageId: string; date: string; text: string; page: number }>;
  explanation: string;
}

describe('workbench metadata', () => {
  it('prints every field of a bundled paper with its source; an inferred year with its evidence and pages', async () => {
    const workspace = await tempDir();
    const result = await cli(workspace, 'metadata', 'kcss-advance-kosovo-nato-relations');
    expect(result.code).toBe(0);
    const fields = new Map((result.json.fields as FieldView[]).map((f) => [f.field, f]));
    expect([...fields.keys()]).toEqual(['title', 'subtitle', 'authors', 'editors', 'publishers', 'year', 'place', 'isbn', 'doi', 'url', 'type', 'language']);
    expect(fields.get('title')).toMatchObject({ value: 'How to Advance Kosovo-NATO Relations?', source: 'printed', location: 'cover' });
    expect(fields.get('isbn')).toMatchObject({ value: null, source: null, explanation: 'not found in the document' });
    const year = fields.get('year')!;
    expect(year).toMatchObject({ value: 2025, source: 'inferred' });
    for (const evidence of year.evidence!) {
      const passage = await cli(workspace, 'passages', 'kcss-advance-kosovo-nato-relations');
      const printed = (passage.json as Array<{ id: string; text: string; page: number }>).find((p) => p.id === evidence.passageId)!;
      expect(printed.text).toContain(evidence.text);
      expect(evidence.page).toBe(printed.page);
      expect(evidence.text).toContain('July 17, 2025');
    }
  });

  it('says in words where things come from, without --json', async () => {
    const workspace = await tempDir();
    const out: string[] = [];
    const code = await runCli(['--workspace', workspace, 'metadata', 'kcss-foreign-security-priorities-2026'], { stdout: (text) => out.push(text), stderr: () => undefined });
    expect(code).toBe(0);
    const result = { stdout: out.join('\n') };
    expect(result.stdout).toMatch(/Year\s+2026\n\s+printed in the CIP record, p\. \d+/);
    expect(result.stdout).toContain('as given: “Kosovo Foreign and Security Challenges and Priorities / Ramadan Ilazi. - Prishtinë : QKSS, 2026.');
  });

  it('shows an imported PDF’s sources and refuses an unknown id', async () => {
    const workspace = await tempDir();
    // One small page: the PDF's XMP and information dictionary name title and author (pdfinfo shows them).
    const imported = await cli(workspace, 'import', pdf('alphatrans.pdf'));
    const result = await cli(workspace, 'metadata', imported.json.documentId);
    const fields = new Map((result.json.fields as FieldView[]).map((f) => [f.field, f]));
    expect(fields.get('title')).toMatchObject({ value: 'Alpha Transparency Test', source: 'xmp', explanation: "from the PDF's XMP metadata" });
    expect(fields.get('authors')).toMatchObject({ value: ['Brendan Dahl'], source: 'xmp' });
    expect(fields.get('year')).toMatchObject({ value: 2011, source: 'pdf-info' });
    const missing = await cli(workspace, 'metadata', 'no-such-doc');
    expect(missing.code).toBe(1);
    expect(missing.json.error.code).toBe('NOT_FOUND');
  });
});
