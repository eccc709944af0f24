import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { startCouchServer } from '../tests/helpers/couch-server';
import { benchTopics, call, codedAnnotations, saveCodedProject } from './support/coded-project';
import type { BenchRow } from './types';

const resourcesDir = resolve(import.meta.dirname, '../resources');
const count = 10_000;

function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

/**
 * Exchange of a 10,000-annotation project: writing the bundle, merging it into a new
 * member's workspace (every record new), and merging it again (every record known). The
 * reference is the same records saved by one local transaction in a fresh workspace: a
 * merge does that plus checking each received revision and its ancestry.
 */
export async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'workbench-bench-team-'));
  const open = (name: string) => createCore({ workspaceDir: join(root, name), resourcesDir, holder: 'bench', deferSearch: true });
  try {
    const sender = await open('amina');
    await call(sender, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const records = codedAnnotations(sender, benchTopics.map((topic) => topic.id), count);
    const localSaveMs = await saveCodedProject(sender, records);
    let started = performance.now();

    const bundle = join(root, 'amina.fwx');
    started = performance.now();
    const exported = await call(sender, 'team.exportBundle', { out: bundle });
    const exportMs = performance.now() - started;
    await sender.close();

    const receiver = await open('besnik');
    const heapBefore = heapUsedMb();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const rssBefore = process.memoryUsage().rss;
    started = performance.now();
    const merged = await call(receiver, 'team.mergeBundle', { file: bundle, join: true });
    const mergeMs = performance.now() - started;
    clearInterval(sampler);
    const heapAfter = heapUsedMb();
    if (merged.added !== exported.records) throw new Error(`merged ${merged.added} of ${exported.records} records`);
    started = performance.now();
    const again = await call(receiver, 'team.mergeBundle', { file: bundle });
    const againMs = performance.now() - started;
    if (again.unchanged !== exported.records) throw new Error('the second merge changed something');
    await receiver.close();

    const reference = { name: `one local transaction saving the same ${count.toLocaleString('en')} records`, value: localSaveMs };
    // Sync of the same 10,000 records with pouchdb-server (in memory, on loopback): the first
    // push, then another workspace's first pull of all of it.
    const couch = await startCouchServer();
    let syncRows: BenchRow[] = [];
    try {
      const again = await open('amina');
      const projectId = again.workspace.identity.projectId;
      await couch.createDatabase(projectId);
      const rssStart = process.memoryUsage().rss;
      let syncPeak = rssStart;
      const syncSampler = setInterval(() => (syncPeak = Math.max(syncPeak, process.memoryUsage().rss)), 20);
      started = performance.now();
      const push = await call(again, 'team.sync', { server: couch.url });
      const pushMs = performance.now() - started;
      await again.close();
      const puller = await open('clara');
      await puller.workspace.joinProject(projectId);
      started = performance.now();
      const pull = await call(puller, 'team.sync', { server: couch.url }).catch((error: Error) => ({ error }));
      const pullMs = performance.now() - started;
      clearInterval(syncSampler);
      await puller.close();
      if ('error' in pull) throw pull.error;
      if (push.pushed < count || pull.added < count) throw new Error(`sync moved ${push.pushed} and ${pull.added} records`);
      syncRows = [
        { suite: 'team', case: `sync: push ${count.toLocaleString('en')} records to a new database`, metric: 'time', value: pushMs, unit: 'ms', reference },
        { suite: 'team', case: `sync: pull ${count.toLocaleString('en')} records into another workspace`, metric: 'time', value: pullMs, unit: 'ms', reference },
        { suite: 'team', case: 'sync: peak process memory above the start (push and pull)', metric: 'memory', value: (syncPeak - rssStart) / 1e6, unit: 'MB' },
      ];
      syncRows.push(...(await documentSync(root, couch, open)));
    } finally {
      await couch.close();
    }
    return [
      { suite: 'team', case: `export a ${count.toLocaleString('en')}-annotation bundle (${((await stat(bundle)).size / 1e6).toFixed(1)} MB)`, metric: 'time', value: exportMs, unit: 'ms', reference },
      { suite: 'team', case: `merge a ${count.toLocaleString('en')}-record bundle into a new workspace`, metric: 'time', value: mergeMs, unit: 'ms', reference },
      { suite: 'team', case: 'merge the same bundle again (nothing changes)', metric: 'time', value: againMs, unit: 'ms', reference },
      { suite: 'team', case: `merge a ${count.toLocaleString('en')}-record bundle: heap kept after`, metric: 'memory', value: heapAfter - heapBefore, unit: 'MB' },
      { suite: 'team', case: `merge a ${count.toLocaleString('en')}-record bundle: peak process memory above the start`, metric: 'memory', value: (peakRss - rssBefore) / 1e6, unit: 'MB' },
      ...syncRows,
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * An imported document travelling by sync: a 14-page PDF (the pdf.js test paper) is imported
 * in one workspace and pushed with its files as attachments, then pulled, checked and placed
 * by another. The reference is writing the same files to disk once.
 */
async function documentSync(root: string, couch: Awaited<ReturnType<typeof startCouchServer>>, open: (name: string) => ReturnType<typeof createCore>): Promise<BenchRow[]> {
  const pdf = resolve(import.meta.dirname, '../../shared/fixtures/pdfs/tracemonkey.pdf');
  const sender = await open('dana');
  await call(sender, 'app.setUser', { name: 'Dana Krasniqi', id: 'dana' });
  const projectId = sender.workspace.identity.projectId;
  await couch.createDatabase(projectId);
  const imported = await call(sender, 'import.bytes', { fileName: 'tracemonkey.pdf', base64: (await readFile(pdf)).toString('base64') });
  const folder = join(sender.workspace.dir, 'documents', imported.documentId);
  const files = await Promise.all((await readdir(folder)).map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })));
  const megabytes = files.reduce((sum, file) => sum + file.bytes.length, 0) / 1e6;
  let started = performance.now();
  await call(sender, 'team.sync', { server: couch.url });
  const pushMs = performance.now() - started;
  await sender.close();

  const receiver = await open('erion');
  await receiver.workspace.joinProject(projectId);
  started = performance.now();
  const pulled = await call(receiver, 'team.sync', { server: couch.url });
  const pullMs = performance.now() - started;
  await receiver.close();
  if (pulled.documents !== 1) throw new Error(`the document did not arrive: ${JSON.stringify(pulled.refusedDocuments)}`);

  const copy = join(root, 'plain-copy');
  await rm(copy, { recursive: true, force: true });
  await mkdir(copy);
  started = performance.now();
  for (const file of files) await writeFile(join(copy, file.name), file.bytes);
  const reference = { name: `writing the same ${megabytes.toFixed(1)} MB of files with fs.writeFile`, value: performance.now() - started };
  return [
    { suite: 'team', case: `sync: push an imported 14-page PDF with its files (${megabytes.toFixed(1)} MB of attachments)`, metric: 'time', value: pushMs, unit: 'ms', reference },
    { suite: 'team', case: 'sync: pull that document into another workspace (hash checked, files placed, loaded)', metric: 'time', value: pullMs, unit: 'ms', reference },
  ];
}
