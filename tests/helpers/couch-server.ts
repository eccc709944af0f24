import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot } from './core';

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CouchServer {
  url: string;
  port: number;
  /** Creates a database (a project's), as the team's administrator does. */
  createDatabase(name: string): Promise<void>;
  /** Adds a researcher's account (CouchDB's `_users` database), as the administrator does. */
  createUser(name: string, password: string): Promise<void>;
  /** Stops the server, as a server that went down. */
  stop(): Promise<void>;
  /** Stops it for good and removes its files. */
  close(): Promise<void>;
  /** Starts again on the same port (in memory: empty, as a server that lost its data). */
  restart(): Promise<void>;
}

/**
 * A CouchDB-compatible server on loopback, started by the test: `pouchdb-server --in-memory`
 * (a devDependency). Its config and log files go to a temporary folder.
 */
export async function startCouchServer(port?: number): Promise<CouchServer> {
  const chosen = port ?? (await freePort());
  const dir = await mkdtemp(join(tmpdir(), 'workbench-couch-'));
  let child: ChildProcess | undefined;
  const url = `http://127.0.0.1:${chosen}/`;
  const start = async () => {
    child = spawn(process.execPath, [join(repoRoot, 'node_modules/pouchdb-server/bin/pouchdb-server'), '--in-memory', '--host', '127.0.0.1', '--port', String(chosen)], { cwd: dir, stdio: 'ignore' });
    for (let attempt = 0; attempt < 200; attempt++) {
      const up = await fetch(url).then((answer) => answer.ok, () => false);
      if (up) return;
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('pouchdb-server did not start within 20 s');
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill();
    });
  };
  await start();
  return {
    url,
    port: chosen,
    async createDatabase(name) {
      const answer = await fetch(`${url}${encodeURIComponent(name)}`, { method: 'PUT' });
      if (!answer.ok && answer.status !== 412) throw new Error(`creating ${name}: HTTP ${answer.status}`);
    },
    async createUser(name, password) {
      const answer = await fetch(`${url}_users/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password, roles: [], type: 'user' }),
      });
      if (!answer.ok) throw new Error(`creating the user ${name}: HTTP ${answer.status} ${await answer.text()}`);
    },
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
  };
}

/**
 * One server for the whole test file: started before its first test, closed after its last.
 * Call at the top of the file; the returned function gives the running server.
 */
export function useCouchServer(): () => CouchServer {
  let couch: CouchServer | undefined;
  beforeAll(async () => {
    couch = await startCouchServer();
  }, 30_000);
  afterAll(async () => {
    await couch?.close();
  });
  return () => {
    if (!couch) throw new Error('The CouchDB-compatible server is not running: useCouchServer() must be called at the top of the test file.');
    return couch;
  };
}
