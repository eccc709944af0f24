import { buildDocumentText } from '../anchoring/index.js';
import { WorkbenchError } from '../api/errors.js';
import type { AnnotationsFace } from '../annotations/index.js';
import type { CoreContext } from '../core-context.js';
import type { Passage } from '../corpus/schema.js';
import { speakerKey } from './case-record.js';
import type { AutocodeResult } from './methods.js';
import { passageMatcher } from './passage-query.js';

export interface AutocodeRequest {
  topicId?: string | undefined;
  /** A topic by its path ("Security / Trust in police"), created with its parents if missing. */
  topicPath?: string | undefined;
  speaker?: string | undefined;
  query?: string | undefined;
  docId?: string | undefined;
  /** Count only: nothing is written. */
  dryRun?: boolean | undefined;
}

/**
 * Auto-coding: every turn of a speaker, or every passage matching a query, coded with one
 * topic as one annotation per passage, in one transaction and one undo step. Passages
 * already coded with the topic (an annotation with it covers them) are skipped, so running
 * it twice codes nothing more. Without a document, it works over every imported document.
 */
export class Autocoder {
  constructor(
    private readonly context: CoreContext,
    private readonly annotations: AnnotationsFace,
  ) {}

  async autocode(request: AutocodeRequest): Promise<AutocodeResult> {
    const documents = this.documents(request.docId);
    const matches = this.matchingPassages(documents, request);
    const existingTopic = request.topicId !== undefined ? this.requireTopic(request.topicId) : this.topicByPath(request.topicPath ?? '');
    const plan = () => {
      const topicId = existingTopic?.id;
      const toCode = matches.filter((passage) => !topicId || !this.isCoded(passage, topicId));
      return { toCode, skipped: matches.length - toCode.length };
    };
    const first = plan();
    const summary = (topic: { id: string; path: string }, coded: number, created: boolean): AutocodeResult => ({
      topic,
      topicCreated: created,
      matched: matches.length,
      coded,
      skipped: first.skipped,
      documents: new Set(first.toCode.map((passage) => passage.docId)).size,
      dryRun: Boolean(request.dryRun),
    });
    if (request.dryRun || first.toCode.length === 0) {
      const topic = existingTopic ? { id: existingTopic.id, path: this.annotations.topics.path(existingTopic.id) } : { id: '', path: request.topicPath ?? '' };
      return summary(topic, request.dryRun ? first.toCode.length : 0, false);
    }
    if (this.context.workspace.readOnly) throw new WorkbenchError('LOCKED', 'Nothing was coded: this workspace is open read-only.');

    let made: { annotationIds: string[]; createdTopicIds: string[]; topicId: string } | undefined;
    await this.annotations.runUndoable({
      label: `Auto-code ${first.toCode.length} ${first.toCode.length === 1 ? 'passage' : 'passages'}`,
      do: async () => {
        const { toCode } = plan();
        const now = new Date().toISOString();
        made = await this.context.workspace.transact((tx) => {
          const staged = existingTopic ? { ids: [existingTopic.id], created: [] } : this.annotations.topics.stagePaths(tx, [request.topicPath!]);
          const topicId = staged.ids[0]!;
          const texts = new Map<string, ReturnType<typeof buildDocumentText>>();
          const annotationIds = toCode.map((passage) => {
            if (!texts.has(passage.docId)) texts.set(passage.docId, buildDocumentText([...this.context.corpus.passages(passage.docId)].sort((a, b) => a.order - b.order)));
            const span = texts.get(passage.docId)!.spans.find((candidate) => candidate.passageId === passage.id)!;
            return this.annotations.annotations.stageImported(tx, { docId: passage.docId, start: span.start, end: span.end, topicIds: [topicId], createdAt: now, createdBy: this.context.workspace.user.id }).id;
          });
          return { annotationIds, createdTopicIds: staged.created.map((topic) => topic.id), topicId };
        });
      },
      undo: async () => {
        const undone = made;
        if (!undone) return;
        await this.context.workspace.transact((tx) => {
          for (const id of undone.annotationIds) this.annotations.annotations.stageDeletion(tx, id);
          for (const id of undone.createdTopicIds) this.annotations.topics.stageDeletion(tx, id);
        });
      },
    });
    return summary({ id: made!.topicId, path: this.annotations.topics.path(made!.topicId) }, made!.annotationIds.length, made!.createdTopicIds.length > 0);
  }

  private documents(docId: string | undefined): string[] {
    if (docId !== undefined) {
      if (!this.context.corpus.hasDocument(docId)) throw new WorkbenchError('NOT_FOUND', `There is no document “${docId}”. Run \`workbench documents\` to see the ids. Nothing was coded.`);
      return [docId];
    }
    return this.context.corpus
      .allDocuments()
      .filter((document) => document.origin !== 'bundled')
      .map((document) => document.id);
  }

  private matchingPassages(docIds: string[], request: AutocodeRequest): Passage[] {
    const passages = docIds.flatMap((docId) => [...this.context.corpus.passages(docId)].sort((a, b) => a.order - b.order));
    if (request.speaker !== undefined) {
      const key = speakerKey(request.speaker);
      const turns = passages.filter((passage) => passage.speaker !== undefined && speakerKey(passage.speaker) === key);
      if (turns.length === 0) {
        const where = request.docId === undefined ? 'any imported transcript' : `“${this.context.corpus.document(request.docId).title}”`;
        throw new WorkbenchError('NOT_FOUND', `“${request.speaker}” has no turn in ${where}. Check the spelling (\`workbench case list --document DOC\` lists a transcript's speakers). Nothing was coded.`);
      }
      return turns;
    }
    const matches = passageMatcher(request.query ?? '');
    if (!matches) throw new WorkbenchError('BAD_REQUEST', 'The query has no words to look for. Nothing was coded.');
    return passages.filter((passage) => matches(passage.text));
  }

  private isCoded(passage: Passage, topicId: string): boolean {
    return this.annotations.annotations.ofDocument(passage.docId).some((annotation) => annotation.topicIds.includes(topicId) && annotation.target.passageIds.includes(passage.id));
  }

  private requireTopic(topicId: string) {
    const topic = this.annotations.topics.get(topicId);
    if (!topic) throw new WorkbenchError('NOT_FOUND', `There is no topic ${topicId}. Run \`workbench topics\` to see the codebook. Nothing was coded.`);
    return topic;
  }

  private topicByPath(path: string) {
    const key = path.trim().replace(/\s*\/\s*/g, ' / ').toLocaleLowerCase();
    return this.annotations.topics.list().find((topic) => this.annotations.topics.path(topic.id).toLocaleLowerCase() === key);
  }
}
