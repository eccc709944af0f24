/** The drafts area's API types, where the renderer has always imported them from. New code imports `drafts/`. */
export type { DraftFormatResult, ExportedDraftFile, FormattedCitationView, DraftExportFormat, DraftsChangedEvent } from '../../drafts';
