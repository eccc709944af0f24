import type { Command } from 'commander';
import type { DocumentSummary, EntityDetail, EntitySummary } from '../../api/methods/corpus';
import type { Footnote, Passage, Recommendation, Section } from '../../corpus/schema';
import { table } from '../output';
import type { CliAction } from '../program';

/** Read-only commands over the bundled corpus (and imported documents). */
export function registerCorpusCommands(program: Command, run: CliAction): void {
  program
    .command('documents')
    .description('the documents in the library')
    .action(() =>
      run(async (context) => {
        const documents = (await context.call('corpus.documents', {})) as DocumentSummary[];
        const value = documents.map((document) => ({ ...document, publisher: document.publishers.join('; ') }));
        return {
          value,
          human: () =>
            table(value, [
              { key: 'id', label: 'ID' },
              { key: 'title', label: 'TITLE', width: 60 },
              { key: 'authors', label: 'AUTHORS', width: 40 },
              { key: 'year', label: 'YEAR' },
              { key: 'pageCount', label: 'PAGES' },
              { key: 'passageCount', label: 'PASSAGES' },
            ]),
        };
      }),
    );

  program
    .command('sections <docId>')
    .description("a document's sections in order")
    .action((docId: string) =>
      run(async (context) => {
        const sections = (await context.call('corpus.sections', { docId })) as Section[];
        const value = sections.map(({ id, title, level, page, backMatter }) => ({ id, title, level, page, backMatter }));
        return { value, human: () => value.map((s) => `${'  '.repeat(s.level - 1)}${s.title}  (p. ${s.page})`).join('\n') };
      }),
    );

  program
    .command('passages <docId>')
    .description("a document's passages in reading order")
    .action((docId: string) =>
      run(async (context) => {
        const passages = (await context.call('corpus.passages', { docId })) as Passage[];
        const value = passages.map(({ id, kind, sectionPath, page, text, speaker, footnoteRefs, links }) => ({
          id,
          kind,
          sectionPath,
          page,
          text,
          ...(speaker ? { speaker } : {}),
          footnoteRefs,
          links,
        }));
        return { value, human: () => value.map((p) => `[${p.id}] p.${p.page} ${p.kind}: ${p.text}`).join('\n\n') };
      }),
    );

  program
    .command('footnotes <docId>')
    .description("a document's footnotes with their URLs and the passages citing them")
    .action((docId: string) =>
      run(async (context) => {
        const footnotes = (await context.call('corpus.footnotes', { docId })) as Footnote[];
        const value = footnotes.map(({ number, text, urls, citedBy, page }) => ({ number, text, urls, citedBy, page }));
        return { value, human: () => value.map((f) => `${f.number}. ${f.text}${f.urls.length ? `\n   ${f.urls.join('\n   ')}` : ''}`).join('\n') };
      }),
    );

  program
    .command('entities')
    .description('the entity catalogue with mention counts')
    .option('--type <type>', 'only entities of this type (person, organisation, place, event, law-or-agreement, strategy)')
    .action((options: { type?: string }) =>
      run(async (context) => {
        const value = (await context.call('corpus.entities', options.type ? { type: options.type } : {})) as EntitySummary[];
        return {
          value,
          human: () =>
            table(value, [
              { key: 'id', label: 'ID' },
              { key: 'name', label: 'NAME', width: 40 },
              { key: 'type', label: 'TYPE' },
              { key: 'mentionCount', label: 'MENTIONS' },
              { key: 'aliases', label: 'ALIASES', width: 50 },
            ]),
        };
      }),
    );

  program
    .command('entity <entityId>')
    .description('one entity with every mention in context')
    .action((entityId: string) =>
      run(async (context) => {
        const value = (await context.call('corpus.entity', { entityId })) as EntityDetail;
        return {
          value,
          human: () =>
            [`${value.name} (${value.type})`, value.description, `aliases: ${value.aliases.join(', ')}`, '', ...value.mentions.map((m) => `[${m.docId} p.${m.page}] …${m.before}[${m.text}]${m.after}…`)].join('\n'),
        };
      }),
    );

  program
    .command('recommendations')
    .description("the papers' recommendations")
    .option('--doc <docId>', 'only this document')
    .action((options: { doc?: string }) =>
      run(async (context) => {
        const recommendations = (await context.call('corpus.recommendations', options.doc ? { docId: options.doc } : {})) as Recommendation[];
        const value = recommendations.map(({ id, docId, ordinal, title, text, addressees, themes, passageId }) => ({ id, docId, ordinal, title, text, addressees, themes, passageId }));
        return { value, human: () => value.map((r) => `${r.docId} #${r.ordinal} [${r.addressees.join(', ')}] ${r.title}`).join('\n') };
      }),
    );
}
