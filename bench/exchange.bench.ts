import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { call, withCodedProject } from './support/coded-project';
import type { BenchRow } from './types';

const count = 10_000;

/**
 * A 10,000-annotation project as REFI-QDA: exporting the .qdpx, importing it into a fresh
 * workspace (the bundled papers matched by their text, every selection a new annotation)
 * and importing it again (every selection already there). The reference is the team's
 * exchange bundle of the same records, written and merged in the same run.
 */
export async function run(): Promise<BenchRow[]> {
  return withCodedProject('exchange', count, async ({ root, open, sender }) => {
    const qdpx = join(root, 'project.qdpx');
    let started = performance.now();
    const exported = await call(sender, 'exchange.exportProject', { out: qdpx });
    const exportMs = performance.now() - started;
    if (exported.selections !== count) throw new Error(`exported ${exported.selections} of ${count} selections`);
    const bundle = join(root, 'amina.fwx');
    started = performance.now();
    await call(sender, 'team.exportBundle', { out: bundle });
    const bundleExportMs = performance.now() - started;
    await sender.close();

    const receiver = await open('besnik');
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    started = performance.now();
    const imported = await call(receiver, 'exchange.importProject', { path: qdpx });
    const importMs = performance.now() - started;
    clearInterval(sampler);
    if (imported.project?.annotations !== count) throw new Error(`imported ${imported.project?.annotations} of ${count} selections`);
    started = performance.now();
    const again = await call(receiver, 'exchange.importProject', { path: qdpx });
    const againMs = performance.now() - started;
    if (again.project?.annotations !== 0) throw new Error('the second import added annotations');
    await receiver.close();

    const merger = await open('clara');
    started = performance.now();
    await call(merger, 'team.mergeBundle', { file: bundle, join: true });
    const mergeMs = performance.now() - started;
    await merger.close();

    const size = `${((await stat(qdpx)).size / 1e6).toFixed(1)} MB`;
    return [
      { suite: 'exchange', case: `export a ${count.toLocaleString('en')}-annotation project as .qdpx (${size})`, metric: 'time', value: exportMs, unit: 'ms', reference: { name: 'exchange bundle of the same records', value: bundleExportMs } },
      { suite: 'exchange', case: `import that .qdpx into a new workspace`, metric: 'time', value: importMs, unit: 'ms', reference: { name: 'merge of the exchange bundle into a new workspace', value: mergeMs } },
      { suite: 'exchange', case: 'import the same .qdpx again (nothing added)', metric: 'time', value: againMs, unit: 'ms' },
      { suite: 'exchange', case: 'import a .qdpx: peak process memory above the start', metric: 'memory', value: (peakRss - rssBefore) / 1e6, unit: 'MB' },
    ];
  });
}
