/** Something the store did that the user must be told about (shown in the app, printed by the CLI). */
export interface StoreNotice {
  kind: 'recovered-from-backup' | 'reset-without-backup' | 'migrated';
  collection: string;
  message: string;
  /** Where the damaged file was moved, so nothing is lost. */
  movedTo?: string;
  restoredFrom?: string;
  at: string;
}
