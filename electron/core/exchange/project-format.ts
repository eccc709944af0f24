/** What a REFI-QDA project or codebook file holds, as the worker hands it to the core. */

export interface ParsedUser {
  guid: string;
  name: string;
}

export interface ParsedCode {
  guid: string;
  name: string;
  /** False for categories (codes that only group others). */
  codable: boolean;
  /** #RRGGBB, when the file gave a colour. */
  color?: string;
  description: string;
  children: ParsedCode[];
}

export interface ParsedSelection {
  guid: string;
  /** Offsets in the document text (passages joined by a blank line), UTF-16, end exclusive. */
  start: number;
  end: number;
  /** The selected text, for the caller's checks and messages. */
  quote: string;
  codeGuids: string[];
  /** Description and referenced notes, joined. */
  note: string;
  creatingUser?: string;
  creationDateTime?: string;
}

export interface ParsedSource {
  guid: string;
  name: string;
  kind: 'text' | 'pdf';
  /** The passages of its plain text. */
  paragraphs: string[];
  /** The PDF itself, when the project carries it (a PDFSource with its file). */
  pdf?: Uint8Array;
  selections: ParsedSelection[];
  /** The source's own description and notes. */
  description: string;
}

export interface ParsedProject {
  format: 'qdpx' | 'qdc';
  name: string;
  origin?: string;
  users: ParsedUser[];
  codes: ParsedCode[];
  sources: ParsedSource[];
  /** Human counts of what the file holds that we do not bring in, e.g. "2 cases". */
  skipped: string[];
  /** Memos attached to nothing we keep (the project, a case): counted, not brought in. */
  unattachedNotes: number;
}
