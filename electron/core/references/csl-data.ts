import { z } from 'zod';

/**
 * CSL-JSON as it arrives from outside (Zotero's export, Better BibTeX, citation-js's
 * conversion of BibTeX and RIS): checked for the shape we rely on, everything else kept.
 * Zotero writes date parts as strings (`[["2008","5"]]`); both forms are accepted here and
 * made numbers by `normalizeItem`.
 */
export const CslNameInputSchema = z
  .object({
    family: z.string().optional(),
    given: z.string().optional(),
    literal: z.string().optional(),
    'non-dropping-particle': z.string().optional(),
    'dropping-particle': z.string().optional(),
    suffix: z.string().optional(),
  })
  .loose();

const datePart = z.union([z.number().int(), z.string().regex(/^-?\d{1,4}$/, 'a date part is a number such as 2008 or 5')]);

export const CslDateInputSchema = z
  .object({
    'date-parts': z.array(z.array(datePart).max(3)).max(2).optional(),
    raw: z.string().optional(),
    literal: z.string().optional(),
    circa: z.union([z.boolean(), z.string(), z.number()]).optional(),
    season: z.union([z.string(), z.number()]).optional(),
  })
  .loose();

export const CslItemInputSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    type: z.string().min(1),
    title: z.string().optional(),
    'citation-key': z.string().optional(),
    author: z.array(CslNameInputSchema).optional(),
    editor: z.array(CslNameInputSchema).optional(),
    issued: CslDateInputSchema.optional(),
    accessed: CslDateInputSchema.optional(),
    DOI: z.string().optional(),
  })
  .loose();
export type CslItemInput = z.infer<typeof CslItemInputSchema>;

/** A stored CSL item: the variables citeproc-js and Pandoc read, dates as numbers, names split or literal. */
export interface CslData {
  id: string;
  type: string;
  title: string;
  author?: CslNameData[];
  editor?: CslNameData[];
  issued?: CslDateData;
  accessed?: CslDateData;
  DOI?: string;
  [variable: string]: unknown;
}

export interface CslNameData {
  family?: string;
  given?: string;
  literal?: string;
  [part: string]: unknown;
}

export type CslDateData = { 'date-parts': number[][]; circa?: boolean; season?: number } | { literal: string };

/** The CSL variables holding names, and those holding dates. */
export const nameVariables = ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'director', 'interviewer', 'recipient', 'reviewed-author', 'composer', 'illustrator', 'original-author'] as const;
export const dateVariables = ['issued', 'accessed', 'event-date', 'original-date', 'submitted'] as const;
