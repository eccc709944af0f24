import { describe, expect, it } from 'vitest';
import { routeHref } from '../../renderer/src/app/routes';
import { importInterview, passagesOf } from '../unit/interviews/support';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 15 (part B): respondents and documents as cases. Attributes are set in the reader's
 * document info (for the interview and for each speaker); the Topics view narrows a topic's
 * quotes and the co-occurrence heatmap by speaker or attribute, and groups quotes.
 */
const apps = appPerTest();

describe('cases and attributes in the app', () => {
  it('sets attributes in the document info, then filters and groups a topic’s quotes by them', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      const docId = await importInterview(app.core);
      for (const passage of passagesOf(app.core, docId)) {
        if (passage.speaker && passage.speaker !== 'Interviewer' && passage.text.length > 20) {
          await callCore(app, 'annotations.create', { passageId: passage.id, quote: passage.text, topicPaths: passage.speaker === 'Arben Krasniqi' ? ['Trust in police', 'Family'] : ['Trust in police'] });
        }
      }
      const topicId = (await callCore(app, 'topics.list', {})).find((topic) => topic.name === 'Trust in police')!.id;

      await app.goto(routeHref('reader', [docId]));
      await page.getByRole('button', { name: 'Info' }).click();
      const info = page.getByRole('complementary', { name: 'Document info' });
      const section = info.getByRole('region', { name: 'Case attributes' });
      await section.waitFor();
      // The document and each speaker, with their turns.
      await section.getByRole('group', { name: 'Drita Hoxha · 2 turns' }).waitFor();
      await section.getByRole('combobox', { name: 'Attribute for This document' }).fill('municipality');
      await section.getByRole('textbox', { name: 'Value for This document' }).fill('Mitrovica');
      await section.getByRole('textbox', { name: 'Value for This document' }).press('Enter');
      const drita = section.getByRole('group', { name: 'Drita Hoxha · 2 turns' });
      await drita.getByRole('combobox', { name: 'Attribute for Drita Hoxha' }).fill('role');
      await drita.getByRole('textbox', { name: 'Value for Drita Hoxha' }).fill('teacher');
      await drita.getByRole('button', { name: 'Set' }).click();
      await drita.getByText('teacher').waitFor();
      const arben = section.getByRole('group', { name: 'Arben Krasniqi · 2 turns' });
      await arben.getByRole('combobox', { name: 'Attribute for Arben Krasniqi' }).fill('role');
      await arben.getByRole('textbox', { name: 'Value for Arben Krasniqi' }).fill('shop owner');
      await arben.getByRole('button', { name: 'Set' }).click();
      await arben.getByText('shop owner').waitFor();
      await expect.poll(async () => (await callCore(app, 'cases.list', {})).map((item) => [item.label, item.attributes])).toEqual([
        ['interview-mitrovica', { municipality: 'Mitrovica' }],
        ['Arben Krasniqi', { role: 'shop owner' }],
        ['Drita Hoxha', { role: 'teacher' }],
      ]);
      await screenshot(page, `cases-document-info-${viewport.width}`);
      // Removing is one click, and Ctrl+Z puts it back.
      await drita.getByRole('button', { name: 'Remove role from Drita Hoxha' }).click();
      await drita.getByText('teacher').waitFor({ state: 'detached' });
      await page.locator('body').press('Control+z');
      await drita.getByText('teacher').waitFor();

      // Topics: the topic's three quotes, narrowed to teachers, then grouped by speaker.
      await app.goto(routeHref('topics', [topicId]));
      const quotes = page.locator('.topic-quote');
      await expect.poll(() => quotes.count()).toBe(3);
      await page.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'role = teacher' });
      await expect.poll(() => quotes.count()).toBe(1);
      expect(await quotes.first().textContent()).toContain('Drita Hoxha · municipality: Mitrovica, role: teacher');
      await page.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'Any' });
      await expect.poll(() => quotes.count()).toBe(3);
      await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'role' });
      await page.getByRole('region', { name: 'shop owner: 2 quotes' }).waitFor();
      await page.getByRole('region', { name: 'teacher: 1 quote' }).waitFor();
      await screenshot(page, `cases-topic-grouped-${viewport.width}`);
      await page.getByRole('combobox', { name: 'Speaker' }).selectOption('Arben Krasniqi');
      await expect.poll(() => quotes.count()).toBe(2);

      await app.goto(routeHref('topics', ['cooccurrence']));
      const cell = page.getByRole('button', { name: /Trust in police and Family: 2 quotes|Family and Trust in police: 2 quotes/ }).first();
      await cell.waitFor();
      await page.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'role = teacher' });
      await cell.waitFor({ state: 'detached' });
      await screenshot(page, `cases-cooccurrence-${viewport.width}`);
      await apps.end();
    }
  });
});
