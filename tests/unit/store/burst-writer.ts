// Child process for the crash test: writes a burst of notes and prints each one once
// its update has been acknowledged (resolved), until it is killed.
import { openWorkspace } from '../../../electron/core/store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: burst-writer <workspace>');
const workspace = await openWorkspace(dir, { holder: 'burst-writer' });
let next = 0;
for (;;) {
  const batch = Array.from({ length: 20 }, () => next++);
  await Promise.all(
    batch.map((n) =>
      workspace.annotations
        .update((draft) => {
          draft.annotations.push({ id: `a${n}`, note: 'x'.repeat(200) });
        })
        .then(() => process.stdout.write(`ack ${n}\n`)),
    ),
  );
}
