/**
 * The exchange area: REFI-QDA projects (.qdpx) and codebooks (.qdc) written for and read
 * from NVivo, ATLAS.ti, MAXQDA and QualCoder. It owns no collections.
 */
export { createExchangeArea } from './area';
export type { ExchangeArea, ExchangeDeps } from './area';
export { exchangeMethods } from './methods';
export type { ExportProjectResult, ExportedProjectFile } from './methods';
export { registerExchangeCommands } from './cli';
export { CodePointIndex } from './code-points';

/** The collections this area owns: none. */
export const exchangeCollections = [] as const;
