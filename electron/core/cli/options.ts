/** Commander collects a repeated option (`--doc A --doc B`) into a list with this. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
