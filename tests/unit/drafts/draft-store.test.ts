import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/store';
import type { CollectionHandle } from '../../../electron/core/store/types';
import { DraftService } from '../../../electron/core/drafts/draft-service';
import type { DraftsCollection } from '../../../electron/core/drafts/model';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { cite, doc, paragraph, text } from './draft-builders';
import { loadTestCorpus } from './fixture';

const corpus = loadTestCorpus();
const passage = corpus.paragraphsOf(corpus.documentTitled(/Discussion of Kosovo-NATO Relations/i).id)[0]!;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drafts-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// The workspace keeps drafts as loosely typed records; the service validates them itself.
const draftsOf = (workspace: Awaited<ReturnType<typeof openWorkspace>>) => workspace.drafts as unknown as CollectionHandle<DraftsCollection>;

describe('DraftService over the workspace store', () => {
  it('a reopened workspace holds the last autosaved content', async () => {
    const workspace = await openWorkspace(dir, { holder: 'test' });
    const service = new DraftService(draftsOf(workspace));
    const draft = await service.create({ title: 'NATO Centres of Excellence', style: 'chicago-note-bibliography' });
    const content = doc(paragraph(text('Kosovo could host a Centre of Excellence '), cite(passage, { locator: '11' }), text('.')));
    await service.saveContent(draft.id, content);
    await workspace.close();

    const reopened = await openWorkspace(dir, { holder: 'test', readOnly: true });
    const loaded = new DraftService(draftsOf(reopened)).get(draft.id);
    expect(loaded.content).toEqual(content);
    expect(loaded.style).toBe('chicago-note-bibliography');
    await reopened.close();
  });

  it('refuses to open a damaged record, and keeps it out of the list without deleting it', async () => {
    const workspace = await openWorkspace(dir, { holder: 'test' });
    const service = new DraftService(draftsOf(workspace));
    const good = await service.create({ title: 'Good' });
    await draftsOf(workspace).update((data) => {
      data.drafts.push({ id: 'damaged', title: 'Damaged', content: { type: 'doc', content: 'not nodes' } } as never);
    });
    expect(service.list().map((d) => d.id)).toEqual([good.id]);
    let error: unknown;
    try {
      service.get('damaged');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('CORRUPT');
    expect(draftsOf(workspace).get().drafts).toHaveLength(2);
    await workspace.close();
  });
});
