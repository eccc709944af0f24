import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 16: evidence citable in drafts. A figure group becomes a table in a draft whose rows
 * cite each figure's passage; an event a table citing each paper. Checked through core (the
 * draft as stored and as formatted) and in the editor, at both window sizes; a draft open in the
 * editor with unsaved typing keeps both the typing and the table.
 */
const apps = appPerTest();

describe('evidence cited in drafts (issue 16)', () => {
  it('cites the KFOR troops figures and the Banjska attack as tables, formatted, in the bibliography, kept by the open editor', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page, core } = app;
      const group = (await callCore(app, 'evidence.figures', {})).find((g) => g.subject === 'KFOR · troops')!;
      const papers = [...new Set(group.figures.map((f) => core.corpus.document(f.docId).title))];

      // An author is typing in a draft, then turns to the Figures view.
      const draft = await callCore(app, 'drafts.create', { title: 'Who counts KFOR' });
      await app.goto(routeHref('drafts', [draft.id]));
      await page.locator('.draft-prose').click();
      await page.keyboard.type('The papers count KFOR differently.');
      await app.goto('#/evidence/figures');
      const card = page.locator(`.evidence-figure-group[data-subject="${group.subject}"]`);
      await card.getByRole('button', { name: `Cite ${group.subject} in a draft` }).click();
      const dialog = page.getByRole('dialog', { name: 'Cite in a draft' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Draft').inputValue()).toBe(draft.id);
      expect(await dialog.textContent()).toContain('A table is added at the end of the draft');
      await screenshot(page, `cite-figures-dialog-${viewport.width}`);
      await dialog.getByRole('button', { name: 'Cite', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      const confirmation = card.getByRole('status');
      await expect.poll(() => confirmation.textContent()).toBe('Added to “Who counts KFOR”. Open the draft');
      await screenshot(page, `cite-figures-confirmed-${viewport.width}`);

      // Through core: the typing kept, then a table whose rows cite each figure's passage with its page.
      const stored = await callCore(app, 'drafts.get', { id: draft.id });
      expect(JSON.stringify(stored.content.content[0])).toContain('The papers count KFOR differently.');
      expect(stored.content.content.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
      for (const figure of group.figures) {
        expect(JSON.stringify(stored.content)).toContain(`"targetKind":"passage","targetId":"${figure.passageId}","docId":"${figure.docId}","locator":"${core.corpus.passage(figure.passageId).page}"`);
      }
      const formatted = await callCore(app, 'drafts.format', { content: stored.content, style: stored.style });
      expect(formatted.citations.map((citation) => citation.passageId)).toEqual(group.figures.map((f) => f.passageId));
      const bibliography = formatted.bibliography.entries.map((entry) => entry.text).join('\n');
      for (const title of papers) expect(bibliography).toContain(title);

      // In the editor: the table with its figures, each source formatted, the papers in the bibliography.
      await confirmation.getByRole('link', { name: 'Open the draft' }).click();
      await page.waitForFunction((id) => window.location.hash === `#/drafts/${id}`, draft.id);
      const table = page.locator('.draft-prose table');
      await table.waitFor();
      expect(await table.locator('tr').count()).toBe(group.figures.length + 1);
      expect(await table.textContent()).toContain('nearly 3,800 KFOR troops');
      await expect.poll(() => table.locator('.citation-chip:not(.is-pending)').count()).toBe(group.figures.length);
      await expect.poll(() => page.locator('.draft-bibliography .csl-entry').count()).toBe(papers.length);
      expect(await page.locator('.draft-prose').textContent()).toContain('The papers count KFOR differently.');
      await screenshot(page, `cite-figures-draft-${viewport.width}`);

      // An event: a row per paper, each citing its passages.
      const banjska = (await callCore(app, 'evidence.events', {})).events.find((e) => e.date === '2023-09-24' && /Banjska/.test(e.title))!;
      await app.goto(`#/evidence/timeline?event=${banjska.id}`);
      const detail = page.locator(`.evidence-event-detail[data-event-id="${banjska.id}"]`);
      await detail.getByRole('button', { name: `Cite “${banjska.title}” in a draft` }).click();
      const eventDialog = page.getByRole('dialog', { name: 'Cite in a draft' });
      expect(await eventDialog.getByLabel('Draft').inputValue()).toBe(draft.id);
      await eventDialog.getByRole('button', { name: 'Cite', exact: true }).click();
      await eventDialog.waitFor({ state: 'detached' });
      await expect.poll(() => detail.getByRole('status').textContent()).toContain('Added to “Who counts KFOR”');
      await screenshot(page, `cite-event-confirmed-${viewport.width}`);
      const withEvent = await callCore(app, 'drafts.get', { id: draft.id });
      const eventRows = withEvent.content.content.filter((block) => block.type === 'table')[1]!.content!;
      expect(eventRows).toHaveLength(banjska.sources.length + 1);
      for (const source of banjska.sources) for (const passageId of source.passageIds) expect(JSON.stringify(eventRows)).toContain(`"targetId":"${passageId}","docId":"${source.docId}"`);

      // A link of the network: a row per passage naming both entities.
      await app.goto('#/evidence/network');
      await page.locator('.evidence-network[data-ready="true"]').waitFor();
      await page.locator('.evidence-edge-list button').first().click();
      const panel = page.locator('.evidence-edge-passages');
      await panel.getByRole('button', { name: /^Cite the passages naming/ }).click();
      const edgeDialog = page.getByRole('dialog', { name: 'Cite in a draft' });
      await edgeDialog.getByRole('button', { name: 'Cite', exact: true }).click();
      await edgeDialog.waitFor({ state: 'detached' });
      await expect.poll(() => panel.getByRole('status').textContent()).toContain('Added to “Who counts KFOR”');
      await screenshot(page, `cite-edge-confirmed-${viewport.width}`);
      const network = await callCore(app, 'evidence.network', {});
      const strongest = [...network.edges].sort((a, b) => b.weight - a.weight)[0]!;
      const withEdge = await callCore(app, 'drafts.get', { id: draft.id });
      const edgeRows = withEdge.content.content.filter((block) => block.type === 'table')[2]!.content!;
      expect(edgeRows).toHaveLength(strongest.passageIds.length + 1);
      await apps.end();
    }
  });
});
