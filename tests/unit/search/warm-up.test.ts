/**
 * The warm-up after open: posting lists are built while the app is idle, in slices short
 * enough that a save or a query arriving meanwhile is not held up behind it, and without
 * changing any answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../../electron/core/search/build-index';
import { SearchEngine } from '../../../electron/core/search/engine';
import { ShardedCollection } from '../../../electron/core/search/user-shards';
import { annotationToSearchDocument } from '../../../electron/core/search/user-documents';
import { loadTestCorpus, type TestCorpus } from './fixture';

let corpus: TestCorpus;
let corpusIndex: ReturnType<typeof buildIndex>;

beforeAll(() => {
  corpus = loadTestCorpus();
  corpusIndex = buildIndex(corpus.docs);
});

/** An engine over the real corpus and 2,000 annotations quoting its passages. */
function engineWithAnnotations(): { engine: SearchEngine; collection: ShardedCollection } {
  const engine = new SearchEngine({ corpusIndex, corpusDocs: corpus.docs, entities: corpus.entities });
  const collection = new ShardedCollection(engine, 'annotations');
  const passages = corpus.docs.filter((doc) => doc.type === 'passage');
  collection.setAll(
    Array.from({ length: 2_000 }, (_, n) => {
      const passage = passages[(n * 11) % passages.length]!;
      return annotationToSearchDocument({ id: `warm-${n}`, docId: passage.docId, passageId: passage.sourceId, quote: passage.text.slice(0, 120), note: `Point ${n} on security` });
    }),
  );
  return { engine, collection };
}

/** Counts turns of the event loop until stopped: work that waits for the loop gets one each. */
function countTurns(): { stop: () => number } {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

describe('search warm-up', () => {
  it('lets the event loop turn several times as often as 10 ms slices would, and answers as before', async () => {
    const { engine, collection } = engineWithAnnotations();
    const queries = ['security', 'Kosovo Security Force', 'NATO', 'procurement'];
    const before = queries.map((query) => engine.search(query, { limit: 50 }).results.map((r) => [r.id, r.score]));
    const turnsWith = async (sliceMs?: number) => {
      const fresh = engineWithAnnotations();
      const turns = countTurns();
      await fresh.engine.warmUp(sliceMs === undefined ? {} : { sliceMs });
      const counted = turns.stop();
      expect(queries.map((query) => fresh.engine.search(query, { limit: 50 }).results.map((r) => [r.id, r.score]))).toEqual(before);
      fresh.collection.close();
      return counted;
    };
    // Each slice ends in a turn of the loop where a waiting save or query runs: the default
    // slices are short, so the same work gives way several times as often as 10 ms slices.
    const coarse = await turnsWith(10);
    const fine = await turnsWith();
    expect(coarse).toBeGreaterThan(1);
    expect(fine).toBeGreaterThan(coarse * 2.5);
    collection.close();
  });

  it('stops early when aborted (the area closes)', async () => {
    const full = engineWithAnnotations();
    const fullTurns = countTurns();
    await full.engine.warmUp();
    const whole = fullTurns.stop();

    const { engine, collection } = engineWithAnnotations();
    const controller = new AbortController();
    setImmediate(() => controller.abort());
    const turns = countTurns();
    await engine.warmUp({ signal: controller.signal });
    expect(turns.stop()).toBeLessThan(whole / 2);
    full.collection.close();
    collection.close();
  });
});
