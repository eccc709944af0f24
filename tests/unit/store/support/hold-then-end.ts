// A child process for the held-lock test: writes one note with the lock kept between
// batches for a minute, says "ack", and ends without closing the workspace.
import { notesCollection, openTestWorkspace } from '../collections';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-then-end <workspace>');
const workspace = await openTestWorkspace(dir, { holder: 'a writer that never closes', hold: { idleMs: 60_000, maxHoldMs: 60_000 } });
await workspace.transact((tx) => tx.put(notesCollection, { id: 'from-child', text: 'written, then the process ended', tags: [] }));
process.stdout.write('ack\n');
