// A recording stand-in for the parts of Electron's main-process API the shell uses.
// Everything the shell does is appended to `record.log` in order; the driver answers
// dialogs through `script` and fires events through the stored listeners.
import { EventEmitter } from 'node:events';

export const record = {
  log: [],
  schemes: [],
  protocolHandlers: new Map(),
  ipcHandle: new Map(),
  ipcOn: new Map(),
  windows: [],
  webContents: [],
  sessions: new Map(),
  dialogs: [],
  errorBoxes: [],
  quit: 0,
  exitCodes: [],
  openedExternally: [],
};

/** Answers for dialogs, in order: { showOpenDialog: [...], showSaveDialog: [...], showMessageBox: [...] }. */
export const script = { showOpenDialog: [], showSaveDialog: [], showMessageBox: [] };
globalThis.fakeElectron = { record, script };

const log = (entry) => record.log.push(entry);
let markReady;
const ready = new Promise((resolve) => (markReady = resolve));
const appEvents = new EventEmitter();

export const app = {
  isPackaged: false,
  requestSingleInstanceLock: () => (log('app.requestSingleInstanceLock'), true),
  whenReady: () => ready,
  on: (event, listener) => (log(`app.on:${event}`), appEvents.on(event, listener), app),
  emit: (event, ...args) => appEvents.emit(event, ...args),
  quit: () => {
    record.quit++;
    log('app.quit');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    appEvents.emit('will-quit', event);
  },
  exit: (code) => (record.exitCodes.push(code), log(`app.exit:${code}`)),
  getPath: (name) => {
    // The save dialog starts in the user's documents: here, the same temporary folder.
    if (name !== 'userData' && name !== 'documents') throw new Error(`fake app.getPath(${name}) not scripted`);
    return globalThis.fakeElectronConfig.userData;
  },
  getAppPath: () => globalThis.fakeElectronConfig.appPath,
};
/** The driver calls this to fire `ready`. */
export function fireReady() {
  log('ready');
  markReady();
}

function fakeSession(name) {
  const session = {
    name,
    beforeRequest: undefined,
    permissionRequest: undefined,
    permissionCheck: undefined,
    webRequest: { onBeforeRequest: (listener) => ((session.beforeRequest = listener), log(`session(${name}).webRequest.onBeforeRequest`)) },
    setPermissionRequestHandler: (handler) => ((session.permissionRequest = handler), log(`session(${name}).setPermissionRequestHandler`)),
    setPermissionCheckHandler: (handler) => ((session.permissionCheck = handler), log(`session(${name}).setPermissionCheckHandler`)),
  };
  record.sessions.set(name, session);
  return session;
}
const defaultSession = fakeSession('default');
export const session = {
  defaultSession,
  fromPartition: (partition) => record.sessions.get(partition) ?? fakeSession(partition),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => (record.schemes.push(...schemes), log('protocol.registerSchemesAsPrivileged')),
  handle: (scheme, handler) => (record.protocolHandlers.set(scheme, handler), log(`protocol.handle:${scheme}`)),
};

export const ipcMain = {
  handle: (channel, handler) => (record.ipcHandle.set(channel, handler), log(`ipcMain.handle:${channel}`)),
  on: (channel, listener) => (record.ipcOn.set(channel, listener), log(`ipcMain.on:${channel}`)),
};

class FakeWebContents extends EventEmitter {
  constructor(window) {
    super();
    this.window = window;
    this.sent = [];
    this.printed = [];
    this.windowOpenHandler = undefined;
    record.webContents.push(this);
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  isDestroyed() {
    return this.window.destroyed;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  async printToPDF(options) {
    this.printed.push(options);
    return Buffer.from('%PDF-1.7\n% printed by the fake\n%%EOF\n', 'latin1');
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = options;
    this.loaded = [];
    this.destroyed = false;
    this.webContents = new FakeWebContents(this);
    record.windows.push(this);
    log(`new BrowserWindow(show=${options.show})`);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.loaded.push(url);
    log(`loadURL:${url.slice(0, 40)}`);
  }
  show() {
    log('window.show');
  }
  setTitle(title) {
    this.title = title;
    log(`window.setTitle:${title}`);
  }
  destroy() {
    this.destroyed = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

/** The system keychain: "encrypts" by marking, so a test can see what was kept. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`fake-encrypted:${text}`),
  decryptString: (bytes) => Buffer.from(bytes).toString().replace(/^fake-encrypted:/, ''),
};

export const dialog = {
  showOpenDialog: async (...args) => {
    const options = args.length === 2 ? args[1] : args[0];
    record.dialogs.push({ kind: 'open', withParent: args.length === 2, options });
    const answer = script.showOpenDialog.shift();
    if (!answer) throw new Error(`unscripted showOpenDialog: ${options.title}`);
    return answer;
  },
  showSaveDialog: async (...args) => {
    const options = args.length === 2 ? args[1] : args[0];
    record.dialogs.push({ kind: 'save', withParent: args.length === 2, options });
    const answer = script.showSaveDialog.shift();
    if (!answer) throw new Error(`unscripted showSaveDialog: ${options.title}`);
    return answer;
  },
  showMessageBox: async (...args) => {
    const options = args.length === 2 ? args[1] : args[0];
    record.dialogs.push({ kind: 'message', options });
    const answer = script.showMessageBox.shift();
    if (answer === undefined) throw new Error(`unscripted showMessageBox: ${options.title}`);
    // The script names the button to press.
    const response = options.buttons.indexOf(answer);
    if (response < 0) throw new Error(`no button "${answer}" in ${JSON.stringify(options.buttons)}`);
    return { response, checkboxChecked: false };
  },
  showErrorBox: (title, content) => record.errorBoxes.push({ title, content }),
};

export const shell = {
  openExternal: async (url) => void record.openedExternally.push(url),
};

export default { app, BrowserWindow, dialog, ipcMain, protocol, session, shell };
