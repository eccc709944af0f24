import type { Area, CoreContext } from '../core-context.js';
import { Anonymiser, type AnonymiserDeps } from './anonymiser.js';
import type { interviewsMethods } from './methods.js';

/**
 * Interviews: anonymising transcripts. It owns no records of its own: it rewrites an
 * imported document through the import area, and annotations and notes through the
 * annotations area, whose undo stack takes the change as one step.
 */
export function createInterviewsArea(context: CoreContext, deps: AnonymiserDeps): Area<typeof interviewsMethods> {
  const anonymiser = new Anonymiser(context, deps);
  return {
    handlers: {
      'interviews.anonymisePreview': ({ docId, replacements }) => anonymiser.preview(docId, replacements),
      'interviews.anonymise': ({ docId, replacements, keyPath }) => anonymiser.anonymise(docId, replacements, keyPath),
    },
  };
}
