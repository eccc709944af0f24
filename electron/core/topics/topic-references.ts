/**
 * What the codebook needs from whoever holds coded quotes (the annotation service), so that
 * merging or deleting a topic can recode its quotes without topics depending on annotations.
 */
export interface TopicReferences {
  /**
   * On every annotation coded with `fromTopicId`, replace it by `toTopicId`, or remove it
   * when `toTopicId` is undefined. Returns what `restore` needs to put things back.
   */
  recode(fromTopicId: string, toTopicId: string | undefined): Promise<RecodeReceipt>;
  restore(receipt: RecodeReceipt): Promise<void>;
}

export interface RecodeReceipt {
  /** The topic ids each affected annotation had before the recode. */
  previous: Array<{ annotationId: string; topicIds: string[] }>;
}

export const noTopicReferences: TopicReferences = {
  recode: async () => ({ previous: [] }),
  restore: async () => {},
};
