import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { ArgsOf, EventChannel, EventPayloads, MethodName, ResultOf } from '../../../electron/core/api/contract';
import { api } from './client';

/**
 * The renderer's one cache of answers from core. Entries never go stale by time: core says
 * when something changed (its change events), and exactly the methods that could answer
 * differently are fetched again. Nothing retries on its own: a failure is shown, with a
 * "Try again", because core's errors are meant for the user.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 5 * 60_000,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

export function queryKey<M extends MethodName>(method: M, args: ArgsOf<M>): QueryKey {
  return [method, args];
}

export function fetchMethod<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return api.invoke(method, args);
}

/**
 * Which cached methods each change event makes out of date, by name prefix. A method
 * not listed here is either fixed for the session (the bundled corpus, citation styles)
 * or refreshed by whoever changes it (see `invalidate`).
 */
export const invalidatedBy: { [C in EventChannel]?: (payload: EventPayloads[C]) => readonly string[] } = {
  // Coding changes move topic counts, recent topics, topic pages and co-occurrence too.
  'annotations.changed': () => ['annotations.list', 'annotations.get', 'topics.', 'team.conflicts', 'team.agreement', 'interviews.autocode'],
  // An imported document added, edited or removed, or any document's metadata corrected
  // (here or in another process): the library, its text, the corrections listed with their
  // authors, and the annotations that lived on it (removal can orphan them).
  'library.changed': () => ['corpus.', 'evidence.', 'metadata.edits', 'interviews.', 'cases.', 'annotations.list', 'annotations.get', 'annotations.documentNote', 'settings.readingPosition', 'settings.lastReadingPosition'],
  // A document's note written or removed: the note and the Library's marks (prefix of both methods).
  'documentNotes.changed': () => ['annotations.documentNote'],
  // A case's attributes changed: the cases, and what quotes are filtered or grouped by them.
  'cases.changed': () => ['cases.', 'topics.page', 'topics.cooccurrence', 'topics.pairQuotes', 'annotations.list'],
  'drafts.changed': () => ['drafts.list', 'drafts.listTrash', 'drafts.get'],
  // A reference imported, merged or deleted (here or by the CLI): the Library's list and the @ picker's.
  'references.changed': () => ['references.'],
  // A correction of the events (here or in another process): the timeline and its list.
  'evidence.changed': () => ['evidence.'],
};

/** Marks every cached answer of the methods starting with these prefixes out of date; open views fetch again. */
export function invalidate(client: QueryClient, prefixes: readonly string[]): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => typeof query.queryKey[0] === 'string' && prefixes.some((prefix) => (query.queryKey[0] as string).startsWith(prefix)) });
}

/** Listens to core's change events for as long as the app runs; returns the unsubscribe. */
export function invalidateOnChangeEvents(client: QueryClient): () => void {
  const unsubscribers = (Object.keys(invalidatedBy) as EventChannel[]).map((channel) =>
    api.subscribe(channel, (payload) => {
      const prefixes = (invalidatedBy[channel] as ((value: unknown) => readonly string[]) | undefined)?.(payload) ?? [];
      void invalidate(client, prefixes);
    }),
  );
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
