import { InvalidArgumentError, Option, type Command } from 'commander';
import type { SearchDocumentType, SearchResponse } from './types';
import type { CliAction } from '../cli/program';

/** Types a CLI search can be narrowed to (imported documents' own entries are not offered). */
export const cliSearchTypes = ['passage', 'footnote', 'entity', 'recommendation', 'annotation', 'topic', 'draft'] as const satisfies readonly SearchDocumentType[];

/** One hit as the CLI prints it: the thing's own id, not the engine's `${type}:` id. */
export interface CliSearchHit {
  type: SearchDocumentType;
  id: string;
  docId?: string;
  title: string;
  snippet: string;
  text: string;
  score: number;
}

export function toCliHits(response: SearchResponse): CliSearchHit[] {
  return response.results.map((result) => ({
    type: result.type,
    id: result.document.sourceId,
    ...(result.docId ? { docId: result.docId } : {}),
    title: result.title,
    snippet: result.snippet.text,
    text: result.text,
    score: Number(result.score.toFixed(4)),
  }));
}

function positiveLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidArgumentError('give a whole number from 1 to 500.');
  return limit;
}

/** CLI commands of the search area. */
export function registerSearchCommands(program: Command, run: CliAction): void {
  program
    .command('search <query>')
    .description('search everything: passages, footnotes, entities, recommendations, annotations, topics, drafts (best first)')
    .option('--limit <n>', 'at most this many results (1 to 500, default 20)', positiveLimit, 20)
    .addOption(new Option('--type <type>', 'only results of this type').choices(cliSearchTypes))
    .action((query: string, options: { limit: number; type?: SearchDocumentType }) =>
      run(async (context) => {
        // Typed as a complete query: the last word is not a prefix here.
        const response = (await context.call('search.query', {
          query,
          limit: options.limit,
          prefix: false,
          ...(options.type ? { types: [options.type] } : {}),
        })) as SearchResponse;
        const value = toCliHits(response);
        return {
          value,
          human: () =>
            value.length === 0
              ? `No results for “${query}”.`
              : [
                  ...(response.fuzzy ? ['No exact matches — showing close spellings.', ''] : []),
                  ...value.map((hit) => `[${hit.type}] ${hit.id}${hit.docId && hit.docId !== hit.id ? `  (${hit.docId})` : ''}\n  ${hit.title}\n  ${hit.snippet}`),
                  '',
                  `${response.total} result${response.total === 1 ? '' : 's'}${response.total > value.length ? `, showing ${value.length}` : ''}.`,
                ].join('\n'),
        };
      }),
    );
}
