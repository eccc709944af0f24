import { describe, expect, it } from 'vitest';
import { cleanInline } from '../../../electron/core/corpus/parse/inline.js';
import { joinLine, vocabularyOf } from '../../../electron/core/corpus/parse/hyphenation.js';

// Lines as they stand in the seed texts.
describe('inline clean-up', () => {
  it('turns footnote markers into references at the end of the word they follow', () => {
    const r = cleanInline('Kosovo filed its application in December 2022. <sup>27</sup>');
    expect(r.text).toBe('Kosovo filed its application in December 2022.');
    expect(r.footnoteRefs).toEqual([{ number: 27, offset: r.text.length }]);
    const s = cleanInline('Agreement on the Path to Normalisation <sup>29</sup> and Ohrid Implementation Annex <sup>30</sup> . The EU');
    expect(s.text).toBe('Agreement on the Path to Normalisation and Ohrid Implementation Annex. The EU');
    expect(s.footnoteRefs.map((f) => s.text.slice(0, f.offset))).toEqual(['Agreement on the Path to Normalisation', 'Agreement on the Path to Normalisation and Ohrid Implementation Annex']);
  });

  it('reads escaped footnote URLs as their targets', () => {
    const r = cleanInline('Read more at: [https://www.europarl.europa.eu/thinktank/en/document/EPRS\\\\_BRI\\(2025\\)779231](https://www.europarl.europa.eu/thinktank/en/document/EPRS_BRI(2025)779231)');
    expect(r.text).toBe('Read more at: https://www.europarl.europa.eu/thinktank/en/document/EPRS_BRI(2025)779231');
    expect(r.links[0]!.url).toBe('https://www.europarl.europa.eu/thinktank/en/document/EPRS_BRI(2025)779231');
  });

  it('drops HTML and emphasis but remembers bold runs', () => {
    const r = cleanInline('<b>Banjska terrorist attack. An armed Serb group attacked Kosovo Police</b>');
    expect(r.text).toBe('Banjska terrorist attack. An armed Serb group attacked Kosovo Police');
    expect(r.bold).toEqual([{ start: 0, end: r.text.length }]);
    const q = cleanInline('as a "*hideous and cowardly terrorist attack against Kosovo Police officers*", calling');
    expect(q.text).toBe('as a "hideous and cowardly terrorist attack against Kosovo Police officers", calling');
    const merged = cleanInline('**Kosovo should see INTERPOL membership as a long-term** **goal that supports its overall capabilities.** Not being');
    expect(merged.bold).toHaveLength(1);
    expect(merged.text.slice(merged.bold[0]!.start, merged.bold[0]!.end)).toBe('Kosovo should see INTERPOL membership as a long-term goal that supports its overall capabilities.');
  });
});

describe('hyphenation', () => {
  const vocabulary = vocabularyOf('As part of a de-escalation package for the north; the Kosovo-Serbia dialogue');
  it('rejoins a word split at a line end', () => {
    expect(joinLine('shaped by unresolved ethnic tensions, histori-', 'cal grievances', vocabulary)).toBe('shaped by unresolved ethnic tensions, historical grievances');
  });
  it('keeps a hyphen the paper uses itself, and one before a capital', () => {
    expect(joinLine('accompanied by a comprehensive de-', 'escalation plan', vocabulary)).toBe('accompanied by a comprehensive de-escalation plan');
    expect(joinLine('clear end goal for the Kosovo-', 'Serbia dialogue', vocabulary)).toBe('clear end goal for the Kosovo-Serbia dialogue');
  });
});
