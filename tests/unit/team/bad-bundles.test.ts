import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { resourcesDir } from '../../helpers/core';
import { rejection } from '../../helpers/workbench-error';
import { call, code, importTranscript } from './support';

/**
 * One sender and one receiver, shared by every case (an import costs a worker): each case
 * hands the receiver a bad bundle and checks that nothing in it changed.
 */
let root: string;
let sender: Core;
let receiver: Core;
let good: Buffer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-bundles-'));
  sender = await createCore({ workspaceDir: join(root, 'sender'), resourcesDir, holder: 'a test' });
  await call(sender, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
  const { passageIds } = await importTranscript(sender);
  const topic = await call(sender, 'topics.create', { name: 'Trust in police' });
  await code(sender, passageIds, 1, 3, topic.id);
  await call(sender, 'team.exportBundle', { out: join(root, 'good.fwx') });
  good = await readFile(join(root, 'good.fwx'));
  receiver = await createCore({ workspaceDir: join(root, 'receiver'), resourcesDir, holder: 'a test' });
  await call(receiver, 'team.mergeBundle', { file: join(root, 'good.fwx'), join: true });
  // The receiver has its own work since, so a refused merge has something to keep.
  await call(receiver, 'annotations.update', { id: (await call(receiver, 'annotations.list', {}))[0]!.id, note: 'mine' });
}, 60_000);

afterAll(async () => {
  await sender?.close();
  await receiver?.close();
  await rm(root, { recursive: true, force: true });
});

async function state(core: Core) {
  return {
    seq: core.workspace.lastSeq,
    projectId: core.workspace.identity.projectId,
    changes: core.workspace.changes(0).results.map((change) => `${change.collection}/${change.id}@${change.rev}`),
    documents: (await readdir(join(core.workspace.dir, 'documents'))).sort(),
  };
}

/** The good bundle with its parts changed. */
async function altered(change: (parts: { manifest: Record<string, unknown>; records: string[]; zip: JSZip }) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
  const records = (await zip.file('records.jsonl')!.async('string')).split('\n').filter(Boolean);
  change({ manifest, records, zip });
  zip.file('manifest.json', JSON.stringify(manifest));
  zip.file('records.jsonl', records.join('\n'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function refused(name: string, bytes: Buffer, code: string, message: RegExp) {
  const file = join(root, name);
  await writeFile(file, bytes);
  const before = await state(receiver);
  const error = await rejection(call(receiver, 'team.mergeBundle', { file }));
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(await state(receiver)).toEqual(before);
}

describe('a bad bundle is refused with a clear error and nothing changed', () => {
  it('a bundle of another project', async () => {
    await refused('other.fwx', await altered(({ manifest }) => (manifest.projectId = 'fw-00000000-0000-4000-8000-000000000000')), 'CONFLICT', /belongs to another project.*nothing was merged/);
  });

  it('a truncated bundle', async () => {
    await refused('truncated.fwx', good.subarray(0, Math.floor(good.length * 0.6)), 'CORRUPT', /not a whole exchange bundle: it is not a valid zip file, or it was cut short.*nothing was merged/);
  });

  it('a bundle whose manifest lists more records than it holds', async () => {
    await refused('short.fwx', await altered(({ records }) => records.pop()), 'CORRUPT', /incomplete.*lists \d+ records but it holds/);
  });

  it('a bundle from a newer Field Workbench: a newer bundle format, or records of a newer schema', async () => {
    await refused('newer-format.fwx', await altered(({ manifest }) => (manifest.formatVersion = 2)), 'CONFLICT', /newer Field Workbench.*Update the app/);
    await refused('newer-schema.fwx', await altered(({ manifest }) => ((manifest.collections as Record<string, number>).annotations = 3)), 'CONFLICT', /annotations records of a newer schema/);
    await refused('unknown-kind.fwx', await altered(({ manifest }) => ((manifest.collections as Record<string, number>)['interview-keys'] = 2)), 'CONFLICT', /a kind this app does not know/);
  });

  it('a bundle whose document is not what its library record says (another original, a document.json that is not one) is refused whole', async () => {
    // A fresh receiver lacks the document, so its files would be placed: they are checked first.
    const fresh = await createCore({ workspaceDir: join(root, 'fresh'), resourcesDir, holder: 'a test' });
    try {
      const cases: Array<[string, (zip: JSZip) => void, RegExp]> = [
        ['other-original.fwx', (zip) => zip.file(Object.keys(zip.files).find((name) => /^documents\/[^/]+\/original\./.test(name))!, 'Not what Amina imported.'), /carries the document imp-\w+, but its original file does not match its content hash.*nothing was merged/],
        ['not-a-record-file.fwx', (zip) => zip.file(Object.keys(zip.files).find((name) => name.endsWith('/document.json'))!, '{"schemaVersion": 1}'), /carries the document imp-\w+, but its document\.json is not an imported document.*nothing was merged/],
      ];
      for (const [name, change, message] of cases) {
        const file = join(root, name);
        await writeFile(file, await altered(({ zip }) => change(zip)));
        const before = { seq: fresh.workspace.lastSeq, projectId: fresh.workspace.identity.projectId, documents: await readdir(join(fresh.workspace.dir, 'documents')).catch(() => []) };
        const error = await rejection(call(fresh, 'team.mergeBundle', { file, join: true }));
        expect(error.code).toBe('CORRUPT');
        expect(error.message).toMatch(message);
        expect({ seq: fresh.workspace.lastSeq, projectId: fresh.workspace.identity.projectId, documents: await readdir(join(fresh.workspace.dir, 'documents')).catch(() => []) }).toEqual(before);
      }
    } finally {
      await fresh.close();
    }
  });

  it('a bundle with one record that does not fit its schema refuses all of it', async () => {
    const bytes = await altered(({ records }) => {
      const index = records.findIndex((line) => line.includes('"collection":"annotations"'));
      const record = JSON.parse(records[index]!);
      record.leaves[0].record.color = 'ultraviolet';
      records[index] = JSON.stringify(record);
    });
    await refused('bad-record.fwx', bytes, 'BAD_REQUEST', /refused: the record is not valid/);
  });

  it('a zip whose document files leave their folder, or that is no bundle at all', async () => {
    await refused('slip.fwx', await altered(({ zip }) => zip.file('documents/../../evil.txt', 'x')), 'UNSUPPORTED', /it contains a file named .*nothing was unpacked/);
    await refused('random.fwx', Buffer.from('this is not a zip at all, just text'), 'CORRUPT', /not a valid zip file.*nothing was merged/);
    const plain = new JSZip();
    plain.file('notes.txt', 'hello');
    await refused('other-zip.fwx', await plain.generateAsync({ type: 'nodebuffer' }), 'CORRUPT', /not a usable exchange bundle: it has no manifest\.json/);
  });
});
