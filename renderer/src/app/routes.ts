/** The app's routes live in the URL hash, so every place has a link that can be copied. */
export type ViewName = 'library' | 'reader' | 'entities' | 'recommendations' | 'topics' | 'drafts' | 'search' | 'evidence' | 'annotations' | 'team';

export interface Route {
  view: ViewName;
  /** Path segments after the view, e.g. a document id for the reader. */
  params: string[];
  query: URLSearchParams;
}

export const views: Array<{ name: ViewName; label: string; shortcut: string; description: string }> = [
  { name: 'library', label: 'Library', shortcut: '1', description: 'The bundled papers and your imported documents' },
  { name: 'reader', label: 'Reader', shortcut: '2', description: 'Read a paper as PDF and as structured text' },
  { name: 'entities', label: 'Entities', shortcut: '3', description: 'People, organisations, places, events, laws, strategies' },
  { name: 'recommendations', label: 'Recommendations', shortcut: '4', description: "The papers' recommendations by paper and addressee" },
  { name: 'topics', label: 'Topics', shortcut: '5', description: 'Your codebook and the quotes coded to it' },
  { name: 'drafts', label: 'Drafts', shortcut: '6', description: 'Papers you are writing, with linked citations' },
  { name: 'search', label: 'Search', shortcut: '7', description: 'Search everything' },
  { name: 'evidence', label: 'Evidence', shortcut: '8', description: 'Events on a timeline, figures compared, the entity network' },
  { name: 'annotations', label: 'Annotations', shortcut: '9', description: 'Every annotation, filtered and sorted' },
  { name: 'team', label: 'Team', shortcut: '0', description: 'People in the project, conflicts after an exchange, inter-coder agreement' },
];

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const view = views.some((item) => item.name === segments[0]) ? (segments[0] as ViewName) : 'library';
  return { view, params: segments.slice(1), query: new URLSearchParams(queryPart) };
}

export function routeHref(view: ViewName, params: string[] = [], query: Record<string, string | undefined> = {}): string {
  const path = [view, ...params.map(encodeURIComponent)].join('/');
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

/** A deep link to a passage: opens its paper at the passage, highlighted. */
export function passageHref(docId: string, passageId: string): string {
  return routeHref('reader', [docId], { passage: passageId });
}

/** A reference of the reference library, pointed at in the Library's References tab. */
export function referenceHref(referenceId: string): string {
  return routeHref('library', ['references'], { reference: referenceId });
}

/** A quote of a recording's transcript: its passage in the reader, and its span played at once. */
export function playSpanHref(docId: string, passageId: string, span: { start: number; end: number }): string {
  return routeHref('reader', [docId], { passage: passageId, play: `${span.start}-${span.end}` });
}

/** The span of a `play=<start>-<end>` link (seconds), or undefined when there is none or it is malformed. */
export function parsePlaySpan(value: string | null | undefined): { start: number; end: number } | undefined {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(value ?? '');
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : undefined;
}

/** A deep link to a footnote: opens its paper at the passage citing it, with the note open. */
export function footnoteHref(docId: string, passageId: string | undefined, number: number): string {
  return routeHref('reader', [docId], { passage: passageId, footnote: String(number) });
}
