/**
 * The app open on a workspace while the CLI (another process: another core on the same
 * folder) anonymises or corrects a transcript: once it has caught up with the CLI's writes,
 * as its watcher makes it, the app reads, searches and shows the new text.
 */
import { describe, expect, it } from 'vitest';
import { invokeOrThrow } from '../../../electron/core/api/invoke';
import { createCore } from '../../../electron/core/core';
import { libraryCollection } from '../../../electron/core/import';
import { resourcesDir, useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from '../team/support';
import { arben, importInterview, passagesOf } from './support';

const openCore = useCores();
const tempDir = useTempDirs();

describe('a transcript rewritten by another process', () => {
  it('is followed by the app: corpus, search, annotations and a library.changed event for the renderer', async () => {
    const dir = await tempDir();
    const app = await openCore(dir);
    const docId = await importInterview(app);
    const family = passagesOf(app, docId).find((passage) => passage.text.includes("Arben's family"))!;
    const coded = await call(app, 'annotations.create', { passageId: family.id, quote: "Arben's family came from Vushtrri" });
    const events: unknown[] = [];
    let followed!: () => void;
    // The renderer's signal: the app loaded the document's new text and told it.
    const told = new Promise<void>((resolve) => (followed = resolve));
    const stop = app.subscribe('library.changed', (payload) => {
      events.push(payload);
      if (payload.docId === docId && payload.change === 'updated') followed();
    });

    const library = app.workspace.records(libraryCollection);
    const before = library.entry(docId)!.rev;
    const cli = await createCore({ workspaceDir: dir, resourcesDir, holder: 'the CLI' });
    try {
      await invokeOrThrow(cli.dispatch, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besim' }] });
      const answer = passagesOf(cli, docId).find((passage) => passage.text.startsWith('Not always'))!;
      await invokeOrThrow(cli.dispatch, 'transcript.correctPassage', { docId, passageId: answer.id, text: answer.text.replace('Not always.', 'Not always, honestly.') });
    } finally {
      await cli.close();
    }

    // What the app's watcher does when the CLI's journal lines appear.
    await app.workspace.refresh();
    // The rewrite is a new revision of the library record: what the app follows (never waited for in vain).
    expect(library.entry(docId)!.rev).not.toBe(before);
    expect(library.get(docId)!.content).toBeDefined();
    await told;
    stop();
    expect(JSON.stringify(passagesOf(app, docId).map((passage) => [passage.text, passage.speaker]))).not.toMatch(arben);
    expect(passagesOf(app, docId).some((passage) => passage.text.startsWith('Not always, honestly.'))).toBe(true);
    expect(events).toContainEqual(expect.objectContaining({ docId, change: 'updated' }));
    const hits = async (query: string) => (await call(app, 'search.query', { query, prefix: false, types: ['passage'] })).results.filter((result) => JSON.stringify(result).includes(docId));
    expect(await hits('arben')).toEqual([]);
    expect(await hits('besim')).not.toEqual([]);
    expect(await hits('honestly')).toHaveLength(1);
    const annotation = (await call(app, 'annotations.list', { docId })).find((candidate) => candidate.id === coded.id)!;
    const text = app.corpus.passage(annotation.ranges[0]!.passageId).text;
    expect(text.slice(annotation.ranges[0]!.start, annotation.ranges[0]!.end)).toBe("Besim's family came from Vushtrri");
  });
});
