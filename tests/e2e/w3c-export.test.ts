import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { annotationCollectionSchema } from '../helpers/web-annotation-model';
import { appPerTest, callCore, viewports } from './app-checks';
import { screenshot } from './screenshots';

/**
 * Issue 13: the Topics view's Export menu ("Annotations as W3C JSON-LD") downloads a W3C
 * AnnotationCollection with each annotation's creator, topics and links, at both window sizes.
 */
const apps = appPerTest();

describe('W3C annotations from the app', () => {
  it('downloads an AnnotationCollection with the creator and the links', async () => {
    for (const viewport of viewports) {
      const app = await apps.start({ viewport });
      const { page } = app;
      await callCore(app, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
      const recommendation = app.core.corpus.recommendations()[0]!;
      const passage = app.core.corpus.passage(recommendation.passageId);
      const topic = await callCore(app, 'topics.create', { name: 'NATO' });
      await callCore(app, 'annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 40), topicIds: [topic.id], recommendationIds: [recommendation.id], color: 'blue', note: 'First ask' });

      await app.goto('#/topics');
      const menu = page.getByRole('combobox', { name: 'Export' });
      await menu.waitFor();
      const box = (await menu.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `topics-export-menu-${viewport.width}`);
      const [download] = await Promise.all([page.waitForEvent('download'), menu.selectOption('w3c')]);
      expect(download.suggestedFilename()).toBe('annotations.jsonld');
      const collection = annotationCollectionSchema.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
      expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1 });
      const [item] = (collection.first as { items: Array<Record<string, unknown>> }).items;
      expect(item).toMatchObject({
        creator: { id: 'urn:field-workbench:user:amina', type: 'Person', name: 'Amina Berisha' },
        target: { styleClass: 'blue' },
      });
      expect(JSON.stringify(item)).toContain(`urn:field-workbench:recommendation:${recommendation.id}`);
    }
  }, 120_000);
});
