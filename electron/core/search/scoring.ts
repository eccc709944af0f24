/**
 * Scores comparable across shards. lunr weighs a term by its idf within one index, so the
 * same passage would score far lower in a one-document user shard (where every term has the
 * same, tiny idf) than in the corpus. Each matched term's weight is rescaled from its shard's
 * idf to the idf over all shards together, which is what one index of everything would use.
 */

/** lunr's idf (lunr.idf), from counts rather than a posting. */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}

export interface TermStatistics {
  shardDocumentFrequency: number;
  shardDocumentCount: number;
  globalDocumentFrequency: number;
  globalDocumentCount: number;
}

export function idfCorrection(stats: TermStatistics): number {
  const local = idf(stats.shardDocumentFrequency, stats.shardDocumentCount);
  return local > 0 ? idf(stats.globalDocumentFrequency, stats.globalDocumentCount) / local : 1;
}
