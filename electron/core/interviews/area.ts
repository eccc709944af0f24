import type { Area, CoreContext } from '../core-context.js';
import { Anonymiser, type AnonymiserDeps } from './anonymiser.js';
import { Autocoder } from './autocoder.js';
import { CaseService } from './case-service.js';
import { TranscriptEditor } from './transcript-editor.js';
import type { interviewsMethods } from './methods.js';

/**
 * Interviews: cases (documents and speakers with attributes, in its own collection),
 * anonymising transcripts and correcting or writing their passages. These rewrite an
 * imported document through the import area, and annotations and notes through the
 * annotations area, whose undo stack takes the change as one step.
 */
export function createInterviewsArea(context: CoreContext, deps: AnonymiserDeps): Area<typeof interviewsMethods> {
  const cases = new CaseService(context, deps.annotations);
  deps.annotations.attachCaseAttributes((docId, speaker) => cases.attributesOf(docId, speaker));
  const anonymiser = new Anonymiser(context, deps, cases);
  const autocoder = new Autocoder(context, deps.annotations);
  const transcripts = new TranscriptEditor(context, deps);
  // Attributes move quotes between filters and groups: views of cases and topics refresh.
  const stop = cases.records.subscribe((changes) => context.publish('cases.changed', { caseIds: [...new Set(changes.map((change) => change.id))].sort() }));
  return {
    handlers: {
      'interviews.anonymisePreview': ({ docId, replacements }) => anonymiser.preview(docId, replacements),
      'interviews.anonymise': ({ docId, replacements, keyPath }) => anonymiser.anonymise(docId, replacements, keyPath),
      'interviews.autocode': (request) => autocoder.autocode(request),
      'transcript.correctPassage': ({ docId, passageId, text }) => transcripts.correctPassage(docId, passageId, text),
      'transcript.addPassage': ({ docId, text, speaker, start, end }) => transcripts.addPassage(docId, { text, speaker, start, end }),
      'cases.list': () => cases.list(),
      'cases.forDocument': ({ docId }) => cases.forDocument(docId),
      'cases.attributes': () => cases.attributes(),
      'cases.speakers': () => cases.speakers(),
      'cases.set': ({ case: target, attributes }) => cases.set(target, attributes),
    },
    close: async () => stop(),
  };
}
