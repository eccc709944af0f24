/** Interviews: anonymising transcripts (names replaced by pseudonyms, the key kept outside the workspace). */
export { createInterviewsArea } from './area.js';
export { interviewsMethods } from './methods.js';
export type { AnonymisePreview, AnonymiseResult, NameSuggestion, ReplacementCount } from './methods.js';
export { registerInterviewsCommands } from './cli.js';
export { NameReplacer, parseReplacementSpec, matchCase, mapOffset } from './name-replacement.js';
export type { NameReplacement, TextEdit } from './name-replacement.js';
