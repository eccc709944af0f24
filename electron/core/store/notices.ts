/**
 * Something the store did that the user must be told about: shown as a banner in the app
 * (`app.notices`), printed as one line on stderr by the CLI. Every repair is one.
 */
export type StoreNoticeKind =
  | 'migrated'
  | 'recovered-from-backup'
  | 'recovered-from-journal'
  | 'reset-without-backup'
  | 'torn-tail'
  | 'damaged-lines'
  | 'damaged-records'
  | 'incomplete-change'
  | 'identity-restored'
  | 'damaged-document';

export interface StoreNotice {
  kind: StoreNoticeKind;
  /** The collection (or file) concerned. */
  collection: string;
  /** One line, written for a person: what happened, what was kept, where. */
  message: string;
  /** Where damaged bytes were set aside, so nothing is lost. */
  movedTo?: string;
  restoredFrom?: string;
  at: string;
}

export function notice(kind: StoreNoticeKind, collection: string, message: string, extra: Partial<Pick<StoreNotice, 'movedTo' | 'restoredFrom'>> = {}): StoreNotice {
  return { kind, collection, message, ...extra, at: new Date().toISOString() };
}
