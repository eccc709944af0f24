// Runs the built preload (out/preload/index.cjs) the way a sandboxed renderer does: one
// script, with a `require` that only knows `electron`. Records what it requires and exposes,
// and exercises what it exposed. Prints JSON on its last line.
// Usage: node load-preload.mjs <out/preload/index.cjs>
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const [preloadPath] = process.argv.slice(2);
const required = [];
const exposed = new Map();
const invoked = [];
const sent = [];
const listeners = new Map();
const windowListeners = [];

const electron = {
  contextBridge: { exposeInMainWorld: (key, api) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args) => (invoked.push(args), { ok: true, value: 'answer' }),
    send: (...args) => sent.push(args),
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
  },
  webUtils: { getPathForFile: (file) => `/home/ana/Desktop/${file.name}` },
};
const fakeRequire = (name) => {
  required.push(name);
  if (name === 'electron') return electron;
  throw new Error(`a sandboxed preload cannot require ${name}`);
};
const window = { addEventListener: (type, listener, capture) => windowListeners.push({ type, capture: capture === true || capture?.capture === true, listener }) };
const module = { exports: {} };
runInNewContext(readFileSync(preloadPath, 'utf8'), { require: fakeRequire, module, exports: module.exports, window, console }, { filename: preloadPath });

const api = exposed.get('workbench');
const report = { required, exposedKeys: [...exposed.keys()], apiKeys: Object.keys(api ?? {}).sort() };
report.invokeAnswer = await api.invoke('search.query', { query: 'vucic' });
report.invoked = invoked;
const received = [];
const unsubscribe = api.subscribe('annotations.changed', (payload) => received.push(payload));
for (const listener of listeners.get('workbench:event') ?? []) {
  listener({}, 'annotations.changed', { docIds: ['a'] });
  listener({}, 'drafts.changed', { draftIds: ['b'] });
}
unsubscribe();
for (const listener of listeners.get('workbench:event') ?? []) listener({}, 'annotations.changed', { docIds: ['late'] });
report.received = received;
report.listenersLeft = (listeners.get('workbench:event') ?? []).length;
report.windowListeners = windowListeners.map(({ type, capture }) => ({ type, capture }));
for (const { type, listener } of windowListeners) if (type === 'drop') listener({ dataTransfer: { files: [{ name: 'brief.pdf' }, { name: 'interview.docx' }] } });
for (const { type, listener } of windowListeners) if (type === 'drop') listener({ dataTransfer: { files: [] } });
report.sent = sent;
process.stdout.write(`\n${JSON.stringify(report)}\n`);
