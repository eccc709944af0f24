import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { markdownToDraftContent } from '../../../electron/core/drafts/markdown-import';
import { CitationNode } from '../../../electron/common/drafts/citation-node';
import { collectCitations } from '../../../electron/core/drafts/content';
import { WorkbenchError } from '../../../electron/core/api/errors';
import type { TiptapNode } from '../../../electron/core/drafts/model';
import { loadTestCorpus } from './fixture';

const corpus = loadTestCorpus();
const brief = corpus.documentTitled(/How to Advance Kosovo-NATO Relations/i);
const [a, b] = corpus.paragraphsOf(brief.id);
const passageA = a!;
const passageB = b!;

const markdown = `# Kosovo and NATO

Kosovo was granted **associate membership** in the *NATO Parliamentary Assembly* [@${passageA.id}].
A regular mechanism for consultation is needed [see @${passageB.id}, p. 5].
The brief itself [-@${passageA.id}] and both passages [@${passageA.id}; @${passageB.id}, pp. 2-3, emphasis added].
Read the [roundtable report](https://www.qkss.org/).

- Parliamentary Assembly
- Centres of Excellence
  1. Cyber defence

> 92 percent of all citizens in Kosovo are in favor of joining NATO.

Write to info@qkss.org, or cite the paper as a whole [@${brief.id}].
`;

describe('markdownToDraftContent', () => {
  const { content } = markdownToDraftContent(markdown, corpus.resolveKey);
  const types = (nodes: TiptapNode[] | undefined) => (nodes ?? []).map((n) => n.type);

  it('maps headings, paragraphs, marks, lists, quotes and links', () => {
    expect(types(content.content)).toEqual(['heading', 'paragraph', 'bulletList', 'blockquote', 'paragraph']);
    const paragraph = content.content[1]!;
    expect(paragraph.content).toContainEqual({ type: 'text', text: 'associate membership', marks: [{ type: 'bold' }] });
    expect(paragraph.content).toContainEqual({ type: 'text', text: 'NATO Parliamentary Assembly', marks: [{ type: 'italic' }] });
    expect(paragraph.content).toContainEqual({ type: 'text', text: 'roundtable report', marks: [{ type: 'link', attrs: { href: 'https://www.qkss.org/' } }] });
    const nested = content.content[2]!.content![1]!.content!;
    expect(types(nested)).toEqual(['paragraph', 'orderedList']);
  });

  it('turns Pandoc citations into citation nodes with locator, prefix, suffix and suppress-author', () => {
    const refs = collectCitations(content);
    expect(refs.map((r) => r.target.id)).toEqual([passageA.id, passageB.id, passageA.id, passageA.id, passageB.id, brief.id]);
    expect(refs[0]).toEqual({ id: 'cite-1', target: { kind: 'passage', id: passageA.id, docId: brief.id }, cluster: 0 });
    expect(refs[1]).toMatchObject({ prefix: 'see', locator: '5' });
    expect(refs[2]).toMatchObject({ suppressAuthor: true });
    expect(refs[4]).toMatchObject({ locator: '2-3', suffix: ', emphasis added' });
    expect(refs[5]!.target).toEqual({ kind: 'document', id: brief.id, docId: brief.id });
  });

  it('leaves e-mail addresses alone', () => {
    const last = content.content[4]!;
    expect(JSON.stringify(last)).toContain('info@qkss.org');
    expect(collectCitations({ type: 'doc', content: [last] })).toHaveLength(1);
  });

  it('produces content the editor’s schema accepts, citation node included', () => {
    const schema = getSchema([StarterKit, TableKit, CitationNode]);
    const node = ProseMirrorNode.fromJSON(schema, content);
    expect(() => node.check()).not.toThrow();
    let citations = 0;
    node.descendants((child) => {
      if (child.type.name === 'citation') citations++;
    });
    expect(citations).toBe(6);
  });

  it('names every unknown key in one BAD_REQUEST error', () => {
    let error: unknown;
    try {
      markdownToDraftContent(`Text [@${passageA.id}; @no-such-passage] and [@another-missing, p. 4].`, corpus.resolveKey);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('BAD_REQUEST');
    expect((error as WorkbenchError).message).toContain('@no-such-passage');
    expect((error as WorkbenchError).message).toContain('@another-missing');
    expect((error as WorkbenchError).details).toEqual({ unknownKeys: ['no-such-passage', 'another-missing'] });
  });

  it('reads the title from front matter', () => {
    const imported = markdownToDraftContent('---\ntitle: "Kosovo: next steps"\nbibliography: "references.json"\n---\n\nBody.\n', corpus.resolveKey);
    expect(imported.title).toBe('Kosovo: next steps');
    expect(imported.content.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }]);
  });
});
