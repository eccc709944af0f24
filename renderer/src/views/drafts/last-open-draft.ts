/**
 * The draft the author had open last in this session, so "Cite in draft…" elsewhere can
 * offer it first. Kept in memory: a new session offers the draft edited most recently.
 */
let lastOpenDraftId: string | undefined;

export function rememberOpenDraft(draftId: string): void {
  lastOpenDraftId = draftId;
}

export function lastOpenDraft(): string | undefined {
  return lastOpenDraftId;
}
