import type { Transaction } from '../store';

/**
 * What the codebook needs from whoever holds coded quotes (the annotation service), so that
 * merging or deleting a topic recodes its quotes in the same transaction, without topics
 * depending on annotations.
 */
export interface TopicReferences {
  /**
   * Stages, on every annotation coded with `fromTopicId`, its replacement by `toTopicId` (or
   * its removal when undefined). Returns what `restore` needs to put things back.
   */
  recode(transaction: Transaction, fromTopicId: string, toTopicId: string | undefined): RecodeReceipt;
  restore(transaction: Transaction, receipt: RecodeReceipt): void;
}

export interface RecodeReceipt {
  /** The topic ids each affected annotation had before the recode. */
  previous: Array<{ annotationId: string; topicIds: string[] }>;
}

export const noTopicReferences: TopicReferences = {
  recode: () => ({ previous: [] }),
  restore: () => {},
};
