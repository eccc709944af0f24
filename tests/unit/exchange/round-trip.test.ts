import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { resourcesDir } from '../../helpers/core';
import { rejection } from '../../helpers/workbench-error';
import { call, selectCodePoints, xmllint } from './support';

/**
 * One workspace with two coders' work on an interview full of emoji and on a bundled paper,
 * exported once; the tests read the export, import it into fresh workspaces, and hand
 * hostile archives to a workspace that must not change.
 */
let root: string;
let sender: Core;
let exported: string;
let interviewId: string;

const interview = [
  'Interviewer: How safe do you feel walking home? 🚶‍♀️',
  'Resident: Since 2023 😟 I avoid the bridge in Mitrovica after dark.',
  'Interviewer: And the patrols?',
  'Resident: The KFOR patrols 🛡️ help, but trust in the Kosovo Police is still low.',
].join('\n\n');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-qdpx-round-'));
  sender = await createCore({ workspaceDir: join(root, 'sender'), resourcesDir, holder: 'a test' });
  await call(sender, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
  const imported = await call(sender, 'import.bytes', { fileName: 'interview-12.txt', base64: Buffer.from(interview).toString('base64') });
  interviewId = imported.documentId;
  const passages = sender.corpus.passages(interviewId).sort((a, b) => a.order - b.order);
  const security = await call(sender, 'topics.create', { name: 'Security', color: '#3B82C4', description: 'How people speak about safety.' });
  const trust = await call(sender, 'topics.create', { name: 'Trust in police', parentId: security.id, color: '#E6A23C' });
  const places = await call(sender, 'topics.create', { name: 'Places & "borders"', description: 'Where <things> happen.' });
  await call(sender, 'annotations.create', { passageId: passages[1]!.id, quote: 'I avoid the bridge in Mitrovica after dark', topicIds: [places.id, security.id], note: 'Avoidance 🌉, not fear?' });
  await call(sender, 'annotations.create', { passageId: passages[3]!.id, quote: 'trust in the Kosovo Police is still low', topicIds: [trust.id] });
  const bundled = sender.corpus.allDocuments().find((document) => document.origin === 'bundled')!;
  const paragraph = sender.corpus.passages(bundled.id).find((passage) => passage.kind === 'paragraph' && passage.text.length > 80)!;
  await call(sender, 'annotations.create', { passageId: paragraph.id, quote: paragraph.text.slice(10, 70), topicIds: [security.id], note: 'From the paper.' });
  await call(sender, 'app.setUser', { name: 'Besnik Krasniqi', id: 'besnik' });
  await call(sender, 'annotations.create', { passageId: passages[3]!.id, quote: 'The KFOR patrols 🛡️ help', topicIds: [security.id], note: 'Overlaps nothing; KFOR.' });
  await call(sender, 'annotations.create', { passageId: passages[0]!.id, quote: 'How safe do you feel walking home? 🚶‍♀️', note: 'Only a note, no topic.' });
  exported = join(root, 'project.qdpx');
  const result = await call(sender, 'exchange.exportProject', { format: 'qdpx', out: exported });
  expect(result).toMatchObject({ file: exported, codes: 3, selections: 5, notes: 4, left: [] });
}, 120_000);

afterAll(async () => {
  await sender?.close();
  await rm(root, { recursive: true, force: true });
});

describe('exporting a project as .qdpx', () => {
  it('writes a project.qde that validates against Project.xsd', async () => {
    const zip = await JSZip.loadAsync(await readFile(exported));
    const qde = join(root, 'project.qde');
    await writeFile(qde, await zip.file('project.qde')!.async('nodebuffer'));
    expect(await xmllint(qde, 'Project.xsd')).toBe('');
  });

  it('selects the same words counted in code points, emoji and all, with codings, coders and notes', async () => {
    const zip = await JSZip.loadAsync(await readFile(exported));
    const qde = await zip.file('project.qde')!.async('string');
    const title = sender.corpus.document(interviewId).title;
    const source = [...qde.matchAll(/<TextSource guid="([^"]+)" name="([^"]+)"[^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g)].find((match) => match[2] === title)!;
    expect(source).toBeDefined();
    const text = await zip.file(`Sources/${source[3]}`)!.async('string');
    // The transcript's speakers lead their turns again, as in the file that was imported
    // (a turn's later paragraphs, which had no label, get none).
    expect(text).toBe(interview);
    const users = Object.fromEntries([...qde.matchAll(/<User guid="([^"]+)" name="([^"]+)"/g)].map((match) => [match[1], match[2]]));
    const codes = Object.fromEntries([...qde.matchAll(/<Code guid="([^"]+)" name="([^"]+)"/g)].map((match) => [match[1], match[2]]));
    expect(Object.values(codes).sort()).toEqual(['Places &amp; &quot;borders&quot;', 'Security', 'Trust in police']);
    expect(qde).toMatch(/<Code guid="[^"]+" name="Security" isCodable="true" color="#3B82C4">\s*<Description>How people speak about safety\.<\/Description>\s*<Code guid="[^"]+" name="Trust in police"/);
    const selections = [...source[4]!.matchAll(/<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)" creatingUser="([^"]+)"[^>]*>([\s\S]*?)<\/PlainTextSelection>/g)].map((match) => ({
      text: selectCodePoints(text, Number(match[1]), Number(match[2])),
      coder: users[match[3]!],
      codes: [...match[4]!.matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((ref) => codes[ref[1]!]).sort(),
      note: /<Description>([\s\S]*?)<\/Description>/.exec(match[4]!)?.[1],
    }));
    expect(selections).toEqual([
      { text: 'How safe do you feel walking home? 🚶‍♀️', coder: 'Besnik Krasniqi', codes: [], note: 'Only a note, no topic.' },
      { text: 'I avoid the bridge in Mitrovica after dark', coder: 'Amina Berisha', codes: ['Places &amp; &quot;borders&quot;', 'Security'], note: 'Avoidance 🌉, not fear?' },
      { text: 'The KFOR patrols 🛡️ help', coder: 'Besnik Krasniqi', codes: ['Security'], note: 'Overlaps nothing; KFOR.' },
      { text: 'trust in the Kosovo Police is still low', coder: 'Amina Berisha', codes: ['Trust in police'], note: undefined },
    ]);
    // Every document is a source, the bundled papers included.
    expect([...qde.matchAll(/<TextSource /g)].length).toBe(sender.corpus.allDocuments().length);
  });
});

describe('importing the export into a fresh workspace', () => {
  it('keeps every quote, topic, note and author', async () => {
    const receiver = await createCore({ workspaceDir: join(root, 'receiver'), resourcesDir, holder: 'a test' });
    try {
      const result = await call(receiver, 'import.file', { path: exported });
      // The bundled papers are recognised by their text, not imported a second time.
      expect(result.project?.summary).toMatch(/^kept: \d+ sources \(\d+ already here\), 3 codes \(3 new, 0 merged by name\), 5 coded selections, 4 notes, 2 users; skipped: nothing$/);
      expect(receiver.corpus.allDocuments().filter((document) => document.origin !== 'bundled').length).toBe(1);
      const view = async (core: Core) => {
        const topics = await call(core, 'topics.list', {});
        const users = (await call(core, 'team.users', {})).users;
        const name = (id: string | undefined) => users.find((user) => user.id === id)?.name;
        return {
          topics: topics.map((topic) => ({ path: topic.path, color: topic.color, description: topic.description })).sort((a, b) => a.path.localeCompare(b.path)),
          quotes: (await call(core, 'annotations.list', {}))
            .map((annotation) => ({
              quote: annotation.target.selectors.quote.exact,
              document: core.corpus.document(annotation.docId).title,
              topics: annotation.topicIds.map((id) => topics.find((topic) => topic.id === id)!.path).sort(),
              note: annotation.note,
              author: name(annotation.createdBy),
              createdAt: annotation.createdAt,
            }))
            .sort((a, b) => a.quote.localeCompare(b.quote)),
        };
      };
      const before = await view(sender);
      const after = await view(receiver);
      expect(after.topics).toEqual(before.topics);
      expect(after.quotes).toEqual(before.quotes);
      expect(after.quotes).toHaveLength(5);
    } finally {
      await receiver.close();
    }
  });
});

describe('hostile or broken archives', () => {
  let target: Core;
  beforeAll(async () => {
    target = await createCore({ workspaceDir: join(root, 'target'), resourcesDir, holder: 'a test' });
    await call(target, 'topics.create', { name: 'Already here' });
  });
  afterAll(async () => {
    await target?.close();
  });

  const state = async () => ({
    seq: target.workspace.lastSeq,
    documents: await readdir(join(target.workspace.dir, 'documents')).catch(() => []),
    topics: (await call(target, 'topics.list', {})).length,
  });

  const refused = async (name: string, bytes: Buffer, code: string, message: RegExp) => {
    const before = await state();
    const file = join(root, name);
    await writeFile(file, bytes);
    const error = await rejection(call(target, 'import.file', { path: file }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await state()).toEqual(before);
  };

  it('refuses a zip-slip path before unpacking anything', async () => {
    const zip = await JSZip.loadAsync(await readFile(exported));
    zip.file('Sources/../../evil.txt', 'x');
    await refused('slip.qdpx', await zip.generateAsync({ type: 'nodebuffer' }), 'UNSUPPORTED', /contains a file named “Sources\/\.\.\/.*”, which climbs out of its folder with “\.\.”.*nothing was unpacked/);
  });

  it('refuses a zip bomb from its directory, quickly', async () => {
    const zip = new JSZip();
    zip.file('project.qde', '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>');
    zip.file('Sources/bomb.txt', Buffer.alloc(64 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const started = Date.now();
    await refused('bomb.qdpx', bytes, 'UNSUPPORTED', /“Sources\/bomb\.txt” inside it is compressed \d+ to 1, which only files built to exhaust memory/);
    // Refused from the central directory: nothing was inflated (not a timing assertion of the product, a sanity bound).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses an archive without project.qde, and one that is not a zip', async () => {
    const zip = new JSZip();
    zip.file('Sources/a.txt', 'text');
    await refused('empty.qdpx', await zip.generateAsync({ type: 'nodebuffer' }), 'CORRUPT', /is not a REFI-QDA project: it has no project\.qde inside/);
    await refused('text.qdpx', Buffer.from('just some text'), 'CORRUPT', /is not a zip file/);
  });

  it('refuses a project with a source too long for one document before bringing any source in', async () => {
    const zip = new JSZip();
    const guid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    zip.file(
      'project.qde',
      `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="too big">
  <Sources>
    <TextSource guid="${guid(1)}" name="small.txt" plainTextPath="internal://${guid(1)}.txt"/>
    <TextSource guid="${guid(2)}" name="huge.txt" plainTextPath="internal://${guid(2)}.txt"/>
  </Sources>
</Project>`,
    );
    zip.file(`Sources/${guid(1)}.txt`, 'A small interview that would be imported first.');
    // 17 MB of text that does not compress like a bomb (a 64 kB block of words, repeated
    // beyond deflate's 32 kB window): more than one document may hold.
    let seed = 1;
    const block = Array.from({ length: 16_000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return (seed % 1_000_000).toString(36);
    })
      .join(' ')
      .slice(0, 64 * 1024);
    zip.file(`Sources/${guid(2)}.txt`, block.repeat(17 * 16 + 1));
    await refused('too-big.qdpx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'UNSUPPORTED', /“huge\.txt” in “too-big\.qdpx” holds 17 MB of text, more than the 16 MB one document can hold.*Nothing was imported\./);
  });

  it('refuses a project.qde that is not XML or declares a DOCTYPE', async () => {
    const broken = new JSZip();
    broken.file('project.qde', '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users>');
    await refused('broken.qdpx', await broken.generateAsync({ type: 'nodebuffer' }), 'CORRUPT', /its XML cannot be read/);
    const entities = new JSZip();
    entities.file('project.qde', `<?xml version="1.0"?><!--${' '.repeat(10_000)}--><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">]><Project xmlns="urn:QDA-XML:project:1.0" name="&a;"/>`);
    await refused('doctype.qdpx', await entities.generateAsync({ type: 'nodebuffer' }), 'UNSUPPORTED', /declares a DOCTYPE/);
  });
});
