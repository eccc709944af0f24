import { z } from 'zod';
import { method } from '../api/method';
import { attributeName, attributeValue } from './case-record';
import { NameReplacementSchema } from './name-replacement';
import type { Passage } from '../corpus/schema';

/** A name worth replacing: a speaker (or a word of a speaker's name), or a person of the entity catalogue found in the document. */
export interface NameSuggestion {
  name: string;
  source: 'speaker' | 'entity';
  /** Whole-word occurrences in the passages and speaker labels. */
  count: number;
}

export interface ReplacementCount {
  real: string;
  pseudonym: string;
  count: number;
}

export interface AnonymisePreview {
  docId: string;
  title: string;
  speakers: string[];
  suggestions: NameSuggestion[];
  /** What is wrong with the replacements given as a list (a name twice…). */
  problems: string[];
  /** Set when this document cannot be anonymised (its pages are pictures), saying why and what to do. */
  blocked?: string;
  /** For replacements given: how many each would make. */
  replacements?: ReplacementCount[];
  annotationsChanged?: number;
}

export interface AnonymiseResult {
  docId: string;
  /** The document's title after anonymising. */
  title: string;
  replacements: ReplacementCount[];
  passagesChanged: number;
  speakerTurnsChanged: number;
  annotationsChanged: number;
  noteChanged: boolean;
  /** Without a key path: the key, for the caller to save where the user chooses (never in the workspace). */
  key?: { fileName: string; text: string };
  /** With a key path: where the key was written. */
  keyPath?: string;
}

/** What auto-coding did (or, with `dryRun`, would do). */
export interface AutocodeResult {
  topic: { id: string; path: string };
  /** True when the topic was made by this call (from its path). */
  topicCreated: boolean;
  /** Passages that match (the speaker's turns, or those with the query's words). */
  matched: number;
  /** Passages coded now (with `dryRun`: that would be). */
  coded: number;
  /** Passages already coded with the topic, left as they were. */
  skipped: number;
  /** Documents the coded passages are in. */
  documents: number;
  dryRun: boolean;
}

/** What correcting or writing a passage did. */
export interface PassageEditResult {
  docId: string;
  /** The passage as it now is (its times and speaker as they were, for a correction). */
  passage: Passage;
  /** False when the text given was the passage's own: nothing was written, no undo step. */
  changed: boolean;
  /** Annotations moved to keep covering their words (positions after the edit shift too). */
  annotationsMoved: number;
  /** Annotations whose every word was deleted: kept, marked orphans (undo puts them back). */
  orphaned: string[];
}

declare module '../api/contract' {
  interface EventPayloads {
    /** Cases or their attributes changed (here, by undo, or by another process). */
    'cases.changed': { caseIds: string[] };
  }
}

/** A case as lists and panels show it. */
export interface CaseView {
  id: string;
  kind: 'document' | 'speaker';
  /** The document's title, or the speaker's label. */
  label: string;
  docId?: string;
  speaker?: string;
  attributes: Record<string, string>;
}

export interface DocumentCases {
  document: CaseView;
  /** The speakers of the document, each with how many turns they have in it. */
  speakers: Array<CaseView & { turns: number }>;
}

export interface SpeakerSummary {
  speaker: string;
  /** Turns over every imported document, and in how many documents. */
  turns: number;
  documents: number;
}

export interface AttributeSummary {
  name: string;
  values: string[];
}

const docId = z.string().min(1).max(200);
const caseTarget = z.union([z.object({ docId }).strict(), z.object({ speaker: z.string().trim().min(1).max(200) }).strict()]);
const replacements = z.array(NameReplacementSchema).max(500);
const passageText = z.string().max(100_000, 'a passage is at most 100,000 characters');
const seconds = z.number().finite().nonnegative().max(1_000_000);

export const interviewsMethods = {
  /** Names to suggest for a document, and the number of replacements each given pair would make. Changes nothing. */
  'interviews.anonymisePreview': method<AnonymisePreview>()(z.object({ docId, replacements: replacements.optional() }).strict()),
  /**
   * Replaces real names by pseudonyms throughout an imported document, its annotations and
   * notes, as one undoable step. `keyPath` (outside the workspace) receives the key;
   * without it the key comes back in the answer.
   */
  'interviews.anonymise': method<AnonymiseResult>()(
    z.object({ docId, replacements: replacements.min(1, 'give at least one "Real Name=Pseudonym"'), keyPath: z.string().min(1).max(4096).optional() }).strict(),
  ),
  /**
   * Codes every turn of a speaker, or every passage with the query's words, with a topic
   * (by id, or by path: created if missing), one annotation per passage, as one undoable
   * step; passages already coded with the topic are skipped. Without `docId`, over every
   * imported document. `dryRun` counts without writing.
   */
  'interviews.autocode': method<AutocodeResult>()(
    z
      .object({
        topicId: z.string().min(1).max(200).optional(),
        topicPath: z.string().trim().min(1).max(1000).optional(),
        speaker: z.string().trim().min(1).max(200).optional(),
        query: z.string().trim().min(1).max(500).optional(),
        docId: docId.optional(),
        dryRun: z.boolean().optional(),
      })
      .strict()
      .refine((args) => (args.topicId === undefined) !== (args.topicPath === undefined), 'give the topic once: topicId or topicPath')
      .refine((args) => (args.speaker === undefined) !== (args.query === undefined), 'say what to code: a speaker or a query (one of them)'),
  ),
  /**
   * Corrects the text of one passage of an imported document (a transcript's mishearing):
   * its times and speaker kept, its annotations moved to cover the same words (one whose
   * words are all deleted becomes an orphan), search following; one undoable step.
   */
  'transcript.correctPassage': method<PassageEditResult>()(z.object({ docId, passageId: z.string().min(1).max(300), text: passageText }).strict()),
  /**
   * Writes a passage into a recording's transcript (an empty one, or a turn it missed), at
   * `start`–`end` seconds within the recording and overlapping no other passage, in time
   * order; one undoable step.
   */
  'transcript.addPassage': method<PassageEditResult>()(
    z
      .object({ docId, text: passageText, speaker: z.string().max(200).optional(), start: seconds, end: seconds })
      .strict()
      .refine((args) => args.end > args.start, 'the passage must end after it starts'),
  ),
  /** Every case with its attributes. */
  'cases.list': method<CaseView[]>()(z.object({}).strict()),
  /** A document's case and its speakers' cases (each with its number of turns): the document info panel. */
  'cases.forDocument': method<DocumentCases>()(z.object({ docId }).strict()),
  /** Every speaker of the imported transcripts (for filters), with their turns. */
  'cases.speakers': method<SpeakerSummary[]>()(z.object({}).strict()),
  /** Every attribute name with the values given to it. */
  'cases.attributes': method<AttributeSummary[]>()(z.object({}).strict()),
  /** Sets attributes of a document's or a speaker's case (null removes one); one undoable step. */
  'cases.set': method<CaseView>()(
    z
      .object({
        case: caseTarget,
        attributes: z.record(attributeName, attributeValue.nullable()).refine((changes) => Object.keys(changes).length > 0, 'give at least one attribute').refine((changes) => Object.keys(changes).length <= 50, 'at most 50 attributes at once'),
      })
      .strict(),
  ),
};
