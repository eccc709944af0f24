import { describe, expect, it } from 'vitest';
import { corpusLookupFromIndex } from '../../../electron/core/annotations';
import { CorpusIndex } from '../../../electron/core/corpus/corpus-index';
import type { Corpus } from '../../../electron/core/corpus/schema';
import { natoBriefFile, seedPassages } from './helpers/seed-corpus';

function natoCorpus(): Corpus {
  const passages = seedPassages('nato-brief', natoBriefFile);
  const recommendation = passages.find((passage) => passage.text.startsWith('3 Ask for the Accreditation'))!;
  return {
    schemaVersion: 2,
    documents: [
      { id: 'nato-brief', title: 'How to Advance Kosovo-NATO Relations?', authors: ['Ramadan Ilazi'], editors: [], publishers: ['KCSS'], kind: 'policy-brief', language: 'en', origin: 'bundled', source: natoBriefFile, pageCount: 4 },
    ],
    sections: [],
    // Out of order on purpose: the document text must follow `order`, not array position.
    passages: [...passages].reverse(),
    footnotes: [],
    entities: [{ id: 'nato', name: 'NATO', type: 'organisation', aliases: ['the Alliance'], description: '', userDefined: false }],
    mentions: [],
    recommendations: [{ id: 'nato-brief-rec-3', docId: 'nato-brief', ordinal: 3, title: 'Ask for the Accreditation of a NATO Centre of Excellence in Kosovo', text: recommendation.text, addressees: ['Kosovo government'], themes: [], passageId: recommendation.id, passageIds: [] }],
    events: [],
    statistics: [],
  };
}

describe('corpusLookupFromIndex', () => {
  it('answers from the corpus index and the user entities, with the document text in passage order', () => {
    const corpus = natoCorpus();
    const index = new CorpusIndex(corpus);
    const lookup = corpusLookupFromIndex(index, { userEntities: () => [{ id: 'user-kfor-north', name: 'KFOR Regional Command North' }] });
    const doc = lookup.getDocumentText('nato-brief')!;
    expect(doc.text.startsWith('How to Advance Kosovo-NATO Relations?\n\nBy: Ramadan Ilazi')).toBe(true);
    expect(lookup.getDocumentText('nato-brief')).toBe(doc);
    expect(lookup.getDocumentText('missing')).toBeUndefined();
    expect(lookup.getPassage('nato-brief-p3')?.docId).toBe('nato-brief');
    expect([lookup.entityExists('nato'), lookup.entityExists('user-kfor-north'), lookup.entityExists('nobody')]).toEqual([true, true, false]);
    expect(lookup.entityName?.('user-kfor-north')).toBe('KFOR Regional Command North');
    expect(lookup.recommendationExists('nato-brief-rec-3')).toBe(true);
    expect(lookup.recommendationLabel?.('nato-brief-rec-3')).toBe('3. Ask for the Accreditation of a NATO Centre of Excellence in Kosovo');
    expect(lookup.documentTitle?.('nato-brief')).toBe('How to Advance Kosovo-NATO Relations?');

    // A re-extracted document gets a new text.
    const [document] = corpus.documents;
    index.addDocument(document!, [{ ...corpus.passages.at(-1)!, text: 'Rewritten title' }], []);
    expect(lookup.getDocumentText('nato-brief')!.text).toBe('Rewritten title');
  });
});
