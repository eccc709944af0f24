/**
 * Where a paper opens: a deep link wins; otherwise the place the reader left it; otherwise
 * the top. A remembered passage that no longer exists falls back to its page.
 */
export type StartingPlace =
  | { kind: 'passage'; passageId: string; highlight: boolean }
  | { kind: 'page'; page: number }
  | { kind: 'top' };

export function startingPlace(options: {
  deepLinkPassageId?: string;
  saved?: { passageId?: string; page?: number } | null;
  passageIds: ReadonlySet<string>;
}): StartingPlace {
  const { deepLinkPassageId, saved, passageIds } = options;
  if (deepLinkPassageId && passageIds.has(deepLinkPassageId)) return { kind: 'passage', passageId: deepLinkPassageId, highlight: true };
  if (saved?.passageId && passageIds.has(saved.passageId)) return { kind: 'passage', passageId: saved.passageId, highlight: false };
  if (saved?.page && saved.page > 0) return { kind: 'page', page: saved.page };
  return { kind: 'top' };
}
