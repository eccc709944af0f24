// A child process for the kill -9 test: writes notes (some with a tag in the same change),
// compacting now and then, and prints "ack <n>" once each write is acknowledged, until killed.
import { notesCollection, openTestWorkspace, tagsCollection } from '../collections';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-loop <workspace>');
const workspace = await openTestWorkspace(dir, { holder: 'the write loop' });
for (let n = 0; ; n++) {
  await workspace.transact((tx) => {
    tx.put(notesCollection, { id: `n${n}`, text: `note ${n} ${'x'.repeat(n % 7 === 0 ? 5000 : 80)}`, tags: [] });
    // Every third write is a change to two records in two collections: all or nothing.
    if (n % 3 === 0) tx.put(tagsCollection, { id: `t${n}`, label: `tag of note ${n}` });
  });
  process.stdout.write(`ack ${n}\n`);
  if (n % 25 === 24) await workspace.compact();
}
