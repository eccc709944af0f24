import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftsCollections } from '../../../electron/core/drafts';
import { DraftService } from '../../../electron/core/drafts/draft-service';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { openWorkspace } from '../../../electron/core/store';
import { cite, doc, paragraph, text } from './draft-builders';
import { loadTestCorpus } from './fixture';

const corpus = loadTestCorpus();
const passage = corpus.paragraphsOf(corpus.documentTitled(/Discussion of Kosovo-NATO Relations/i).id)[0]!;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drafts-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (readOnly = false) => openWorkspace(dir, { collections: draftsCollections, holder: 'test', readOnly });

describe('DraftService over the workspace store', () => {
  it('a reopened workspace holds the last autosaved content', async () => {
    const workspace = await open();
    const service = new DraftService(workspace);
    const draft = await service.create({ title: 'NATO Centres of Excellence', style: 'chicago-note-bibliography' });
    const content = doc(paragraph(text('Kosovo could host a Centre of Excellence '), cite(passage, { locator: '11' }), text('.')));
    await service.saveContent(draft.id, content);
    await workspace.close();

    const reopened = await open(true);
    const loaded = new DraftService(reopened).get(draft.id);
    expect(loaded.content).toEqual(content);
    expect(loaded.style).toBe('chicago-note-bibliography');
    await reopened.close();
  });

  it('sets a damaged record aside: not listed, not opened, kept in the file, and the user told', async () => {
    const workspace = await open();
    const service = new DraftService(workspace);
    const good = await service.create({ title: 'Good' });
    const bad = await service.create({ title: 'Damaged' });
    await workspace.close();

    // Something outside the app breaks one record in the snapshot.
    const snapshotFile = path.join(dir, 'drafts.json');
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    snapshot.records[bad.id].record.content = { type: 'doc', content: 'not nodes' };
    writeFileSync(snapshotFile, JSON.stringify(snapshot));

    const reopened = await open();
    const again = new DraftService(reopened);
    expect(again.list().map((d) => d.id)).toEqual([good.id]);
    expect(() => again.get(bad.id)).toThrow(WorkbenchError);
    expect(reopened.notices).toMatchObject([{ kind: 'damaged-records', collection: 'drafts', message: expect.stringContaining(bad.id) }]);
    // Compaction writes the damaged record back exactly as it was found.
    await again.rename(good.id, 'Still good');
    await reopened.compact();
    await reopened.close();
    const rewritten = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    expect(rewritten.quarantined[bad.id].record.content).toEqual({ type: 'doc', content: 'not nodes' });
    expect(rewritten.records[good.id].record.title).toBe('Still good');
  });
});
