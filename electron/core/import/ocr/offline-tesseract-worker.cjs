'use strict';
/**
 * The thread tesseract.js runs its engine on, with the network switched off first.
 * tesseract.js falls back to a CDN for its language data whenever it is not told where the
 * data is; the workbench always tells it, and this makes sure that a missed case fails
 * loudly instead of reaching out. Plain CommonJS because tesseract.js starts it by path.
 */
const net = require('node:net');
const dns = require('node:dns');

function refuse(what) {
  return new Error(`The OCR engine tried to use the network (${what}); the workbench works offline and refused.`);
}

globalThis.fetch = (input) => Promise.reject(refuse(`fetch ${String(input && input.url ? input.url : input)}`));
net.Socket.prototype.connect = function connect() {
  throw refuse('a socket connection');
};
dns.lookup = (hostname) => {
  throw refuse(`a DNS lookup of ${hostname}`);
};

require('tesseract.js/src/worker-script/node/index.js');
