/** Interviews: cases with attributes, and anonymising transcripts (names replaced by pseudonyms, the key kept outside the workspace). */
import { casesCollection } from './case-record.js';

export { createInterviewsArea } from './area.js';
export { casesCollection, CaseRecordSchema, type CaseRecord } from './case-record.js';
export type { CaseView, DocumentCases, AttributeSummary, SpeakerSummary } from './methods.js';
export { interviewsMethods } from './methods.js';
export type { AnonymisePreview, AnonymiseResult, AutocodeResult, NameSuggestion, ReplacementCount, PassageEditResult } from './methods.js';
export { registerInterviewsCommands } from './cli.js';
export { NameReplacer, parseReplacementSpec, matchCase } from './name-replacement.js';
export { mapOffset, diffText, applyEdits, type TextChange } from './text-edits.js';
export type { NameReplacement, TextEdit } from './name-replacement.js';

/** The collections this area owns. */
export const interviewsCollections = [casesCollection] as const;
