import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { call, withCodedProject } from './support/coded-project';
import type { BenchRow } from './types';

const count = 10_000;

/**
 * 10,000 annotations as a W3C AnnotationCollection: the export (positions converted to code
 * points, bodies for every link, pages nested) against a plain JSON.stringify of the same
 * records, and the import into a fresh workspace against parsing the file alone. (The
 * shared coded project repeats some quotes exactly, same words, coder, topic and no note:
 * the import takes those as one.)
 */
export async function run(): Promise<BenchRow[]> {
  return withCodedProject('w3c', count, async ({ root, open, sender, records }) => {
    let started = performance.now();
    const exported = await call(sender, 'annotations.export', { format: 'w3c' });
    const exportMs = performance.now() - started;
    if (exported.count !== count) throw new Error(`exported ${exported.count} of ${count} annotations`);
    started = performance.now();
    JSON.stringify(records, null, 2);
    const stringifyMs = performance.now() - started;
    await sender.close();

    const file = join(root, 'annotations.jsonld');
    await writeFile(file, exported.text);
    started = performance.now();
    JSON.parse(exported.text);
    const parseMs = performance.now() - started;
    const receiver = await open('besnik');
    started = performance.now();
    const imported = await call(receiver, 'import.file', { path: file });
    const importMs = performance.now() - started;
    // The bench's project repeats some quotes exactly (same words, coder, topic, no note): those merge.
    if (!imported.project?.summary.includes('not anchored 0') || !/^imported \d+( \(\d+ already here\))?;/.test(imported.project.summary)) throw new Error(`import: ${imported.project?.summary}`);
    await receiver.close();

    const size = `${(Buffer.byteLength(exported.text) / 1e6).toFixed(1)} MB`;
    return [
      { suite: 'w3c', case: `export ${count.toLocaleString('en')} annotations as a W3C AnnotationCollection (${size})`, metric: 'time', value: exportMs, unit: 'ms', reference: { name: 'JSON.stringify of the same records', value: stringifyMs } },
      { suite: 'w3c', case: `import that file into a new workspace (${imported.project!.summary.split(';')[0]})`, metric: 'time', value: importMs, unit: 'ms', reference: { name: 'JSON.parse of the file', value: parseMs } },
    ];
  });
}
