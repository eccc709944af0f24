// `node --import ./register-fake-electron.mjs`: `electron` resolves to the recording fake.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
