/** Citation formatting over citeproc-js with the bundled CSL styles. */
export { CitationFormatter, missingCitationText, type FormattedCitation, type FormattedDraft, type FormattedBibliography, type BibliographyEntry } from './formatter';
export { documentToCslItem, splitPersonName, fullTitle, type CslItem, type CslName } from './csl-item';
export { createCorpusSources, type AnnotationLocation, type CorpusSourceData } from './corpus-sources';
export { CslRepository, citationStyles, citationStyleIds, defaultCitationStyle, defaultCslDirectory, type CitationStyleId, type CitationStyleInfo } from './styles';
export { formatBibliographyFile, bibliographyFileExtension, type BibliographyFormat } from './bibliography-formats';
export { cslHtmlToRuns, cslHtmlToText, type StyledRun } from './csl-html';
export { citationTargetKinds, type CitationRef, type CitationSources, type CitationTarget, type CitationTargetKind, type ResolvedSource, type DocumentSource, type ReferenceSource } from './types';
export { sourceCslItem, sourceItemId } from './source-item';
