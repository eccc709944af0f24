import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportedFile } from '../../../electron/core/import/import-file.js';
import { updateImportedMetadata } from '../../../electron/core/import/manage-imported.js';
import { isValidIsbn } from '../../../electron/core/metadata/identifiers.js';
import { applyMetadataEdits } from '../../../electron/core/metadata/edits.js';
import { fixturePdf, repoRoot, tempWorkspace } from './support/paths.js';

/**
 * Imported documents' metadata, each field with where it came from. Expectations come from
 * the files themselves: pdftotext and pdfinfo (poppler) for the fixtures, the XML inside the
 * generated Word file, the front matter we write.
 */
let workspace: string;
beforeAll(async () => {
  workspace = await tempWorkspace();
});
afterAll(async () => {
  await fs.rm(workspace, { recursive: true, force: true });
});

async function imported(filePath: string): Promise<ImportedFile> {
  const outcome = await importFile(workspace, filePath, { onDuplicate: 'import-again' });
  if (outcome.status !== 'imported') throw new Error('expected an import');
  return outcome;
}

async function writeFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(workspace, name);
  await fs.writeFile(file, content);
  return file;
}

const pdftotext = (file: string, lastPage = 1) => execFileSync('pdftotext', ['-l', String(lastPage), file, '-'], { encoding: 'utf8' });
const pdfinfo = (file: string) =>
  Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );

async function pdfkitBytes(setup: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  setup(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('PDF metadata', () => {
  let trace: ImportedFile;
  beforeAll(async () => {
    trace = await imported(fixturePdf('tracemonkey.pdf'));
  }, 60_000);

  it('tracemonkey: title and authors from the first page, as pdftotext reads them', () => {
    const lines = pdftotext(fixturePdf('tracemonkey.pdf')).split('\n');
    const title = `${lines[0]} ${lines[1]}`.trim();
    expect(trace.document.title).toBe(title);
    expect(trace.document.provenance?.title).toMatchObject({ source: 'printed', location: 'first-page', page: 1 });
    // The first author line, with its affiliation marks (∗ + $ #) taken off.
    const firstAuthors = lines[2]!.split(',').map((name) => name.replace(/[∗*+$#]/g, '').trim()).filter(Boolean);
    expect(trace.document.authors.slice(0, firstAuthors.length)).toEqual(firstAuthors);
    expect(trace.document.authors).toContain('Michael Franz');
    expect(trace.document.provenance?.authors).toMatchObject({ source: 'printed', location: 'first-page', page: 1 });
  });

  it('tracemonkey: year, publisher and ISBN from the copyright line printed on page 1', () => {
    const page1 = pdftotext(fixturePdf('tracemonkey.pdf'));
    const copyright = /Copyright c (\d{4}) (ACM) (97[89][-\d]+)\//.exec(page1)!;
    expect(copyright).not.toBeNull();
    expect(trace.document.year).toBe(Number(copyright[1]));
    expect(trace.document.publishers).toEqual([copyright[2]]);
    expect(trace.document.isbn).toBe(copyright[3]);
    expect(isValidIsbn(copyright[3]!)).toBe(true);
    expect(trace.document.provenance?.year).toMatchObject({ source: 'printed', location: 'copyright-line', page: 1 });
    expect(trace.document.provenance?.year?.printed).toContain(copyright[1]);
  });

  it('alphatrans: title and author from the file\'s metadata (TCPDF writes them to XMP and the info dictionary alike)', async () => {
    const info = pdfinfo(fixturePdf('alphatrans.pdf'));
    const xmp = execFileSync('pdfinfo', ['-meta', fixturePdf('alphatrans.pdf')], { encoding: 'utf8' });
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${info.Title}</rdf:li>`);
    const doc = (await imported(fixturePdf('alphatrans.pdf'))).document;
    expect(doc.title).toBe(info.Title);
    expect(doc.authors).toEqual([info.Author]);
    expect(doc.provenance?.title).toMatchObject({ source: 'xmp', printed: info.Title });
    expect(doc.provenance?.authors).toMatchObject({ source: 'xmp' });
    expect(doc.year).toBe(Number(/\b(20\d\d)\b/.exec(info.CreationDate!)![1]));
    expect(doc.provenance?.year?.source).toBe('pdf-info');
  });

  it('a PDF with no text and no title is named after its file, and says so', async () => {
    const doc = (await imported(fixturePdf('empty.pdf'))).document;
    expect(doc.title).toBe('empty');
    expect(doc.provenance?.title).toMatchObject({ source: 'file-name', printed: 'empty.pdf' });
    expect(doc.provenance?.title?.note).toMatch(/named after its file/);
  });

  it('prefers the XMP packet: title, creators, DOI and publication date', async () => {
    const bytes = await pdfkitBytes(
      (doc) => {
        doc.fontSize(11).text('Notes from the field, without a title on the page.');
        doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
          <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Policing the North: Field Notes</rdf:li></rdf:Alt></dc:title>
          <dc:creator><rdf:Seq><rdf:li>Ana Krasniqi</rdf:li><rdf:li>Marko Petrović</rdf:li></rdf:Seq></dc:creator>
          <dc:publisher>Prishtina Policy Press</dc:publisher>
          <prism:doi>10.5555/fw.2023.17</prism:doi>
          <prism:publicationDate>2023-05-01</prism:publicationDate>
        </rdf:Description>`);
      },
      { pdfVersion: '1.7', info: { Producer: 'tests', Creator: 'tests' } },
    );
    const doc = (await imported(await writeFile('field-notes.pdf', bytes))).document;
    expect(doc).toMatchObject({ title: 'Policing the North: Field Notes', authors: ['Ana Krasniqi', 'Marko Petrović'], year: 2023, doi: '10.5555/fw.2023.17', publishers: ['Prishtina Policy Press'] });
    for (const field of ['title', 'authors', 'year', 'doi', 'publishers'] as const) expect(doc.provenance?.[field]?.source, field).toBe('xmp');
  });

  it('ignores a machine-made info title and reads the first page instead', async () => {
    const bytes = await pdfkitBytes(
      (doc) => {
        doc.font(path.join(repoRoot, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
        doc.fontSize(24).text('Community Safety in Mitrovica', { align: 'center' });
        doc.fontSize(13).text('Ana Krasniqi and Marko Petrović', { align: 'center' });
        doc.moveDown().fontSize(10).text('Copyright © 2022 Balkan Research Group. All rights reserved. ISBN 978-3-16-148410-0.');
        for (let i = 0; i < 6; i++) doc.fontSize(10).text('The survey asked residents whether they trust the police to act fairly in their neighbourhood and whether they would report a crime.');
      },
      { info: { Title: 'Microsoft Word - draft3.docx', Author: 'Admin' } },
    );
    const doc = (await imported(await writeFile('draft3.pdf', bytes))).document;
    expect(doc.title).toBe('Community Safety in Mitrovica');
    expect(doc.provenance?.title?.source).toBe('printed');
    expect(doc.authors).toEqual(['Ana Krasniqi', 'Marko Petrović']);
    expect(doc).toMatchObject({ year: 2022, isbn: '978-3-16-148410-0', publishers: ['Balkan Research Group'] });
    expect(doc.provenance?.isbn).toMatchObject({ source: 'printed', location: 'first-page', page: 1 });
  });
});

describe('Word metadata', () => {
  it('reads the core properties: title, creator, created', async () => {
    const word = new Document({
      title: 'Interview notes, Zvečan, April 2024',
      creator: 'Leutrim Berisha',
      sections: [{ children: [new Paragraph('Q: How long did you serve?'), new Paragraph('A: Eleven years.')] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string');
    const created = /<dcterms:created[^>]*>(\d{4})-/.exec(core)![1];
    const doc = (await imported(await writeFile('notes.docx', bytes))).document;
    expect(core).toContain('<dc:title>Interview notes, Zvečan, April 2024</dc:title>');
    expect(doc).toMatchObject({ title: 'Interview notes, Zvečan, April 2024', authors: ['Leutrim Berisha'], year: Number(created) });
    expect(doc.provenance?.title?.source).toBe('docx-core');
    expect(doc.provenance?.authors?.source).toBe('docx-core');
    expect(doc.provenance?.year).toMatchObject({ source: 'docx-core' });
  });

  it('does not take the account that made the file for an author', async () => {
    const word = new Document({ creator: 'Admin', sections: [{ children: [new Paragraph('Some notes.')] }] });
    const doc = (await imported(await writeFile('account.docx', new Uint8Array(await Packer.toBuffer(word))))).document;
    expect(doc.authors).toEqual([]);
    expect(doc.provenance?.title?.source).toBe('file-name');
  });
});

describe('text and Markdown metadata', () => {
  it('reads YAML front matter and keeps it out of the passages', async () => {
    const file = await writeFile(
      'front.md',
      ['---', 'title: "Trust in Police: Notes from Zubin Potok"', 'author:', '  - Ana Krasniqi', '  - name: Marko Petrović', 'date: 2024-11-02', 'publisher: Field Notes Collective', 'doi: 10.5555/fnc.7', '---', '', '# Morning', '', 'People queue at the station.', ''].join('\n'),
    );
    const result = await imported(file);
    expect(result.document).toMatchObject({ title: 'Trust in Police: Notes from Zubin Potok', authors: ['Ana Krasniqi', 'Marko Petrović'], year: 2024, publishers: ['Field Notes Collective'], doi: '10.5555/fnc.7' });
    expect(result.document.provenance?.title).toMatchObject({ source: 'front-matter', printed: 'title: Trust in Police: Notes from Zubin Potok' });
    expect(result.passages.map((p) => p.text).join(' ')).not.toMatch(/publisher|doi:/);
  });

  it('takes the first heading, and infers a year from the latest dated sentence', async () => {
    const file = await writeFile('notes.md', ['# Checkpoint notes', '', 'In May 2023 the road was closed.', '', 'On 12 March 2024 it opened again, and the queues were gone.', ''].join('\n'));
    const result = await imported(file);
    expect(result.document.title).toBe('Checkpoint notes');
    expect(result.document.provenance?.title).toMatchObject({ source: 'printed', location: 'first-heading' });
    expect(result.document.year).toBe(2024);
    const evidence = result.document.provenance?.year?.evidence ?? [];
    expect(result.document.provenance?.year?.source).toBe('inferred');
    expect(evidence[0]).toMatchObject({ date: '2024-03-12' });
    expect(result.passages.find((p) => p.id === evidence[0]!.passageId)!.text).toContain('12 March 2024');
  });

  it('with neither, is named after its file and says so', async () => {
    const result = await imported(await writeFile('untitled-notes.txt', 'Just a line of notes, with no heading and no date.\n'));
    expect(result.document.title).toBe('untitled-notes');
    expect(result.document.provenance?.title).toMatchObject({ source: 'file-name' });
    expect(result.document.year).toBeUndefined();
  });
});

describe('edits with provenance', () => {
  it('applyMetadataEdits overlays a value and marks the field as the user’s', async () => {
    const result = await imported(await writeFile('edit-me.md', '# Draft notes\n\nOn 12 March 2024 the road opened.\n'));
    const edited = applyMetadataEdits(result.document, [{ field: 'year', value: 2025, editedAt: '2026-12-04T10:00:00.000Z', note: 'From the publisher’s site' }]);
    expect(edited.year).toBe(2025);
    expect(edited.provenance?.year).toEqual({ source: 'user', editedAt: '2026-12-04T10:00:00.000Z', note: 'From the publisher’s site' });
    expect(edited.provenance?.title).toEqual(result.document.provenance?.title);
    expect(result.document.year).toBe(2024);
    expect(() => applyMetadataEdits(result.document, [{ field: 'title', value: ' ', editedAt: '2026-12-04T10:00:00.000Z' }])).toThrow(/title/);
  });

  it('the existing details dialog’s save marks only the changed fields as edited', async () => {
    const result = await imported(await writeFile('edited.md', '# Draft notes\n\nOn 12 March 2024 the road opened.\n'));
    const updated = await updateImportedMetadata(workspace, result.document.id, { title: 'Draft notes', year: 2025 });
    expect(updated.provenance?.year?.source).toBe('user');
    expect(updated.provenance?.title?.source).toBe('printed');
  });
});
