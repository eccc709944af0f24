/**
 * `npm run lint:electron` (part of `npm test`): Doyensec's electronegativity over the built
 * shell (out/main, out/preload, the renderer's index.html with its CSP meta tag, and
 * package.json for the Electron version). Fails on any finding that electronegativity.json
 * does not accept with a reason, on an accepted finding that is no longer there, and on a
 * file it could not parse.
 *
 * Offline by construction: electronegativity fetches translations and Electron's release
 * list over the network; its HTTP client is replaced by one that fails at once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Config {
  inputs: string[];
  excludedChecks: Record<string, string>;
  accepted: Array<{ check: string; file: string; reason: string }>;
}

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}

interface RunResult {
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function withoutNetwork(): void {
  const engineRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = engineRequire.resolve('got');
  const refuse = () => Promise.reject(new Error('offline: electronegativity runs without network access here'));
  const offline = Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
  const stub = new Module(gotPath);
  stub.exports = offline;
  stub.loaded = true;
  require.cache[gotPath] = stub;
}

export async function lintElectron(): Promise<string[]> {
  const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8')) as Config;
  const staged = mkdtempSync(join(tmpdir(), 'workbench-electronegativity-'));
  try {
    for (const input of config.inputs) cpSync(join(root, input), join(staged, input), { recursive: true });
    withoutNetwork();
    const run = require('@doyensec/electronegativity') as (options: object) => Promise<RunResult>;
    const quiet = console.log;
    console.log = () => undefined;
    let result: RunResult;
    try {
      result = await run({ input: staged, isRelative: true, excludeFromScan: Object.keys(config.excludedChecks) });
    } finally {
      console.log = quiet;
    }
    const problems: string[] = [];
    for (const error of result.errors.filter((e) => !e.tolerable)) problems.push(`could not parse ${error.file}: ${error.message}`);
    const isAccepted = (finding: Finding) => config.accepted.some((entry) => entry.check === finding.id && entry.file === finding.file);
    for (const finding of result.issues.filter((issue) => !isAccepted(issue))) {
      problems.push(`${finding.id} in ${finding.file}:${finding.location.line}: ${finding.description}`);
    }
    for (const entry of config.accepted) {
      if (!result.issues.some((issue) => issue.id === entry.check && issue.file === entry.file)) {
        problems.push(`electronegativity.json accepts ${entry.check} in ${entry.file}, which is no longer found: remove the entry.`);
      }
    }
    return problems;
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await lintElectron();
  if (problems.length > 0) {
    console.error(`electronegativity found ${problems.length} problem(s) in the built shell:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('electronegativity: no findings beyond those accepted in electronegativity.json.');
  }
}
