import { WorkbenchError } from '../api/errors';
import type { AnnotationsFace } from '../annotations';
import type { CorpusIndex } from '../corpus/corpus-index';

/**
 * Inter-coder agreement, Cohen's kappa, over passages.
 *
 * The unit is the passage: for a topic T, coder A "codes passage p with T" when any of A's
 * annotations covering p (its target's passages) carries T itself, or, with
 * `includeSubtopics`, T or any topic below T in the codebook. Every
 * passage of the documents in scope counts, coded or not: the documents given, or else
 * every document in which either coder annotated anything. Each (passage, topic) pair is one
 * decision per coder; kappa = (po − pe) / (1 − pe), with po the share of passages both
 * treated alike and pe the agreement expected by chance from each coder's own rate.
 */
export interface AgreementCounts {
  /** Passages both coded with the topic. */
  both: number;
  onlyA: number;
  onlyB: number;
  /** Passages neither coded with it. */
  neither: number;
  passages: number;
  observed: number;
  expected: number;
  /** Null when chance agreement is total (both coders coded every passage alike, all or none): kappa is undefined. */
  kappa: number | null;
}

export interface DisagreementPassage {
  passageId: string;
  docId: string;
  /** The coder who coded it (the other did not). */
  codedBy: string;
  text: string;
}

export interface TopicAgreement extends AgreementCounts {
  topicId: string;
  topicPath: string;
  disagreements: DisagreementPassage[];
}

export interface AgreementReport {
  coders: [string, string];
  documents: string[];
  unit: 'passage';
  /** Whether a quote carrying a subtopic of T counted as coded with T. */
  includeSubtopics: boolean;
  topics: TopicAgreement[];
  /** All topics pooled: each (passage, topic) pair is one decision. */
  overall: AgreementCounts;
}

export interface AgreementRequest {
  topicIds?: string[];
  docIds?: string[];
  coders?: [string, string];
  /** A passage counts as coded with T when a quote in it carries T or a topic below T. */
  includeSubtopics?: boolean;
}

export function cohensKappa(both: number, onlyA: number, onlyB: number, neither: number): AgreementCounts {
  const passages = both + onlyA + onlyB + neither;
  const observed = passages === 0 ? 0 : (both + neither) / passages;
  const yesA = both + onlyA;
  const yesB = both + onlyB;
  const expected = passages === 0 ? 1 : (yesA * yesB + (passages - yesA) * (passages - yesB)) / (passages * passages);
  const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
  return { both, onlyA, onlyB, neither, passages, observed, expected, kappa };
}

export function computeAgreement(annotations: AnnotationsFace, corpus: CorpusIndex, request: AgreementRequest): AgreementReport {
  const all = annotations.annotations.all();
  const coders = request.coders ?? twoCoders([...new Set(all.map((annotation) => annotations.annotations.coderOf(annotation)))]);
  if (coders[0] === coders[1]) throw new WorkbenchError('BAD_REQUEST', 'Agreement is between two different coders.');
  const mine = all.filter((annotation) => coders.includes(annotations.annotations.coderOf(annotation)));

  const docIds = request.docIds ?? [...new Set(mine.map((annotation) => annotation.docId))].sort();
  for (const docId of docIds) {
    if (!corpus.hasDocument(docId)) throw new WorkbenchError('NOT_FOUND', `There is no document ${docId}.`);
  }
  const inScope = new Set(docIds);
  const passages = docIds.flatMap((docId) => corpus.passages(docId));

  // coder → topic → passages coded; with subtopics a quote also codes every topic above its own.
  const includeSubtopics = request.includeSubtopics === true;
  const creditedTopics = includeSubtopics ? withAncestors(annotations.topics.list()) : (topicId: string) => [topicId];
  const coded = coders.map(() => new Map<string, Set<string>>());
  for (const annotation of mine) {
    if (!inScope.has(annotation.docId)) continue;
    const byTopic = coded[coders.indexOf(annotations.annotations.coderOf(annotation))]!;
    for (const topicId of new Set(annotation.topicIds.flatMap(creditedTopics))) {
      const set = byTopic.get(topicId) ?? new Set<string>();
      for (const passageId of annotation.target.passageIds) set.add(passageId);
      byTopic.set(topicId, set);
    }
  }
  const topicIds = request.topicIds ?? [...new Set([...coded[0]!.keys(), ...coded[1]!.keys()])];
  for (const topicId of topicIds) {
    if (!annotations.topics.get(topicId)) throw new WorkbenchError('NOT_FOUND', `There is no topic ${topicId}. \`workbench topics\` lists them.`);
  }

  const pooled = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
  const topics: TopicAgreement[] = topicIds.map((topicId) => {
    const a = coded[0]!.get(topicId) ?? new Set<string>();
    const b = coded[1]!.get(topicId) ?? new Set<string>();
    const tally = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    const disagreements: DisagreementPassage[] = [];
    for (const passage of passages) {
      const inA = a.has(passage.id);
      const inB = b.has(passage.id);
      if (inA && inB) tally.both += 1;
      else if (inA || inB) {
        tally[inA ? 'onlyA' : 'onlyB'] += 1;
        disagreements.push({ passageId: passage.id, docId: passage.docId, codedBy: inA ? coders[0] : coders[1], text: passage.text.length > 240 ? `${passage.text.slice(0, 239)}…` : passage.text });
      } else tally.neither += 1;
    }
    for (const key of ['both', 'onlyA', 'onlyB', 'neither'] as const) pooled[key] += tally[key];
    return { topicId, topicPath: annotations.topics.path(topicId), ...cohensKappa(tally.both, tally.onlyA, tally.onlyB, tally.neither), disagreements };
  });
  topics.sort((x, y) => x.topicPath.localeCompare(y.topicPath));
  return { coders, documents: docIds, unit: 'passage', includeSubtopics, topics, overall: cohensKappa(pooled.both, pooled.onlyA, pooled.onlyB, pooled.neither) };
}

/** A topic and every topic above it in the codebook (a cycle, which the codebook refuses, would stop at the repeat). */
function withAncestors(topics: ReadonlyArray<{ id: string; parentId?: string | undefined }>): (topicId: string) => string[] {
  const parentOf = new Map(topics.map((topic) => [topic.id, topic.parentId]));
  return (topicId) => {
    const chain: string[] = [];
    for (let current: string | undefined = topicId; current !== undefined && !chain.includes(current); current = parentOf.get(current)) chain.push(current);
    return chain;
  };
}

function twoCoders(found: string[]): [string, string] {
  if (found.length === 2) return [found[0]!, found[1]!].sort() as [string, string];
  throw new WorkbenchError(
    'BAD_REQUEST',
    found.length < 2
      ? `Agreement needs two coders, and ${found.length === 0 ? 'nobody has' : `only ${found[0]} has`} annotated anything here. Merge a colleague's bundle first (\`workbench exchange merge\`).`
      : `${found.length} coders annotated here (${found.join(', ')}): name the two to compare with --coders A,B.`,
  );
}
