/** Colours given to new topics in turn, distinct on both light and dark backgrounds. */
export const topicColorCycle = ['#E6A23C', '#4C9F70', '#3B82C4', '#C2548F', '#8A63D2', '#D9674A', '#2A9D9D', '#7A7F87'] as const;

export function nextTopicColor(existingCount: number): string {
  return topicColorCycle[existingCount % topicColorCycle.length]!;
}
