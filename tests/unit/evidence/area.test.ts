import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { EventsResult, EvidenceFile, EvidenceImage, EntityNetwork, FigureGroup } from '../../../electron/core/evidence/index';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../import-api/support';

const tempDir = useTempDirs();
const openCore = useCores();
const PRIORITIES = 'kcss-foreign-security-priorities-2026';
const TRUST = 'rssee-building-trust-kosovo-serbia';

async function call<T>(method: string, args: unknown): Promise<T> {
  const core = await openCore(await tempDir());
  const result = await core.dispatch(method, args);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** Parses CSV with Python's csv module, the reader spreadsheets and pandas agree with. */
function parseCsv(text: string): string[][] {
  const script = 'import csv, json, sys\nprint(json.dumps(list(csv.reader(sys.stdin))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8' })) as string[][];
}

describe('the evidence area over the API', () => {
  it('lists events with their sources’ sentences and pages, narrowed by paper, entity, kind and dates', async () => {
    const all = await call<EventsResult>('evidence.events', {});
    const banjska = all.events.find((e) => e.date === '2023-09-24' && /Banjska/.test(e.title));
    expect(banjska?.dateLabel).toBe('24 September 2023');
    expect(banjska?.sources).toHaveLength(4);
    for (const source of banjska?.sources ?? []) {
      expect(source.docTitle.length).toBeGreaterThan(5);
      expect(source.quotes.every((q) => q.text.length > 0 && q.page >= 1)).toBe(true);
    }
    const trust = await call<EventsResult>('evidence.events', { docIds: [TRUST], kinds: ['security-incident'], from: '2023-01-01', to: '2023-12-31' });
    expect(trust.events.map((e) => e.id)).toContain(banjska?.id);
    expect(trust.events.every((e) => e.kind === 'security-incident' && e.sources.some((s) => s.docId === TRUST) && e.start <= '2023-12-31' && e.end >= '2023-01-01')).toBe(true);
    const withEntity = await call<EventsResult>('evidence.events', { entityIds: ['banjska-attack'] });
    expect(withEntity.events.every((e) => e.entityIds.includes('banjska-attack'))).toBe(true);
    expect(all.facets.documents.map((d) => d.id)).toContain(PRIORITIES);
    expect(all.facets.kinds.reduce((n, k) => n + k.count, 0)).toBe(all.events.length);
  });

  it('refuses unknown papers and entities and malformed filters, with what to do', async () => {
    await expect(call('evidence.events', { docIds: ['no-such-paper'] })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('workbench documents') });
    await expect(call('evidence.events', { entityIds: ['nobody'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('evidence.events', { kinds: ['party'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call('evidence.events', { from: '24 Sept 2023' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call('evidence.network', { minWeight: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call('evidence.figures', { entityId: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports each view as CSV a spreadsheet reads, one row per thing', async () => {
    const events = await call<EventsResult>('evidence.events', {});
    const timeline = await call<EvidenceFile>('evidence.exportCsv', { view: 'timeline' });
    expect(timeline).toMatchObject({ fileName: 'events.csv', mimeType: 'text/csv', count: events.events.length });
    const rows = parseCsv(timeline.text);
    expect(rows[0]).toEqual(['event', 'date', 'date as written', 'precision', 'from', 'to', 'kind', 'title', 'paper', 'passages', 'quotes']);
    expect(rows).toHaveLength(1 + events.events.reduce((n, e) => n + e.sources.length, 0));
    expect(rows.filter((r) => r[1] === '2023-09-24' && /Banjska/.test(r[7] ?? ''))).toHaveLength(4);

    const groups = await call<FigureGroup[]>('evidence.figures', {});
    const figures = parseCsv((await call<EvidenceFile>('evidence.exportCsv', { view: 'figures' })).text);
    expect(figures).toHaveLength(1 + groups.reduce((n, g) => n + g.figures.length, 0));
    expect(figures.find((r) => r[3] === 'nearly 3,800 KFOR troops')?.slice(0, 2)).toEqual(['KFOR · troops', 'yes']);

    const network = await call<EntityNetwork>('evidence.network', { minWeight: 3 });
    const edges = parseCsv((await call<EvidenceFile>('evidence.exportCsv', { view: 'network', filters: { minWeight: 3 } })).text);
    expect(edges).toHaveLength(1 + network.edges.length);
  });

  it('writes through the one CSV writer: a BOM for Excel when asked, formula cells neutralised', async () => {
    const withBom = await call<EvidenceFile>('evidence.exportCsv', { view: 'network', filters: { minWeight: 20 }, bom: true });
    expect(withBom.text.startsWith('\uFEFFsource,')).toBe(true);
    // No cell of the papers' sentences reaches a spreadsheet as a formula.
    const rows = parseCsv((await call<EvidenceFile>('evidence.exportCsv', { view: 'figures' })).text);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('checks a drawing before it is saved: SVG without scripts or outside links, PNG by its signature', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#abc"/></svg>';
    expect(await call<EvidenceImage>('evidence.exportImage', { view: 'network', format: 'svg', data: svg })).toMatchObject({ fileName: 'entity-network.svg', mimeType: 'image/svg+xml', encoding: 'utf8' });
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg><rect onload="alert(1)"/></svg>',
      '<svg><image href="https://example.org/x.png"/></svg>',
      '<html><body>not svg</body></html>',
    ]) {
      await expect(call('evidence.exportImage', { view: 'timeline', format: 'svg', data: bad }), bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
    expect(await call<EvidenceImage>('evidence.exportImage', { view: 'figures', format: 'png', data: png })).toMatchObject({ fileName: 'figures.png', mimeType: 'image/png' });
    await expect(call('evidence.exportImage', { view: 'figures', format: 'png', data: Buffer.from('GIF89a').toString('base64') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('workbench events, figures and network', () => {
  it('print JSON: events with sources, figure groups {subject, figures, differ}, the network {nodes, edges}', async () => {
    const workspace = await tempDir();
    const events = await cli(workspace, 'events', '--doc', TRUST);
    expect(events.code).toBe(0);
    expect(events.json.some((e: { date: string; sources: unknown[] }) => e.date === '2023-09-24' && e.sources.length === 4)).toBe(true);

    const figures = await cli(workspace, 'figures', '--differ');
    expect(figures.code).toBe(0);
    for (const g of figures.json) {
      expect(g.differ).toBe(true);
      for (const f of g.figures) expect(Object.keys(f)).toEqual(expect.arrayContaining(['docId', 'passageId', 'value', 'unit', 'label']));
    }
    expect(figures.json.map((g: { subject: string }) => g.subject)).toEqual(expect.arrayContaining(['KFOR · troops', 'NATO · centres of excellence']));

    const network = await cli(workspace, 'network', '--type', 'person', '--type', 'organisation', '--min-weight', '2');
    expect(network.code).toBe(0);
    expect(network.json.nodes.every((n: { type: string }) => n.type === 'person' || n.type === 'organisation')).toBe(true);
    expect(network.json.edges.every((e: { weight: number; passageIds: string[] }) => e.weight >= 2 && e.passageIds.length === e.weight)).toBe(true);
  });

  it('prints CSV with --csv, and fails clearly on bad options', async () => {
    const workspace = await tempDir();
    const out: string[] = [];
    const { runCli } = await import('../../../electron/core/cli/program');
    expect(await runCli(['--workspace', workspace, 'figures', '--csv'], { stdout: (t) => out.push(t), stderr: () => {} })).toBe(0);
    expect(parseCsv(`${out.join('\n')}\r\n`)[0]?.[0]).toBe('measure');
    expect((await cli(workspace, 'network', '--min-weight', 'many')).code).toBe(2);
    const badKind = await cli(workspace, 'events', '--kind', 'party');
    expect(badKind.code).toBe(1);
    expect(badKind.json.error.code).toBe('BAD_REQUEST');
  });
});
