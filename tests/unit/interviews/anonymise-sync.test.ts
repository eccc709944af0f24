import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/core';
import { useCouchServer } from '../../helpers/couch-server';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from '../team/support';
import { arben, importInterview, passagesOf } from './support';

const openCore = useCores();
const tempDir = useTempDirs();
const couchServer = useCouchServer();

describe('an anonymised transcript synced to the team server', () => {
  it('sends no real name and no key: the server holds the pseudonyms only', async () => {
    const dir = await tempDir();
    const core = await openCore(join(dir, 'workspace'));
    const docId = await importInterview(core);
    const family = passagesOf(core, docId).find((passage) => passage.text.includes("Arben's family"))!;
    await call(core, 'annotations.create', { passageId: family.id, quote: "Arben's family came from Vushtrri", topicPaths: ['Origins'], note: 'Arben moved as a child.' });
    await call(core, 'annotations.setDocumentNote', { docId, text: 'Interview with Arben Krasniqi.' });
    await call(core, 'cases.set', { case: { speaker: 'Arben Krasniqi' }, attributes: { role: 'shop owner' } });
    await call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besnik' }], keyPath: join(dir, 'key.json') });

    const projectId = core.workspace.identity.projectId;
    await couchServer().createDatabase(projectId);
    const synced = await call(core, 'team.sync', { server: couchServer().url });
    expect(synced.pushed).toBeGreaterThan(0);
    const response = await fetch(`${couchServer().url}${encodeURIComponent(synced.database)}/_all_docs?include_docs=true`);
    const server = await response.text();
    // What the server holds is the anonymised work: the annotation, the note, the case.
    expect(server).toContain("Besnik's family came from Vushtrri");
    expect(server).toContain('Respondent 4');
    expect(server).not.toMatch(arben);
    expect(server).not.toContain('anonymisation-key');
  });
});
