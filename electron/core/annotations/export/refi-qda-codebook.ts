import { WorkbenchError } from '../../api/errors';
import { hexColorPattern, TopicTree, type Topic } from '../../topics';
import { deterministicUuid } from './deterministic-uuid';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape';

export const refiQdaCodebookNamespace = 'urn:QDA-XML:codebook:1.0';

/** Namespace of the GUIDs derived from topic ids; changing it would change every GUID. */
const guidNamespace = 'field-workbench:topic';

export function topicGuid(topicId: string): string {
  return deterministicUuid(guidNamespace, topicId);
}

/**
 * The codebook as a REFI-QDA `.qdc` file (Codebook.xsd, version 1.0 namespace), for NVivo,
 * ATLAS.ti, MAXQDA and QualCoder. Subtopics nest as child Codes, in the codebook's order.
 */
export function exportRefiQdaCodebook(topics: readonly Topic[], options: { origin?: string } = {}): string {
  if (topics.length === 0) {
    // The schema requires at least one Code: an empty codebook cannot be a valid file.
    throw new WorkbenchError('BAD_REQUEST', 'The codebook is empty: create at least one topic before exporting it.');
  }
  const tree = new TopicTree(topics);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${refiQdaCodebookNamespace}" origin="${escapeXmlAttribute(options.origin ?? 'Field Workbench')}">`,
    '  <Codes>',
  ];
  const writeCode = (topic: Topic, depth: number, seen: Set<string>) => {
    if (seen.has(topic.id)) return;
    seen.add(topic.id);
    const indent = '  '.repeat(depth);
    const color = hexColorPattern.test(topic.color) ? ` color="${topic.color.toUpperCase()}"` : '';
    const opening = `${indent}<Code guid="${topicGuid(topic.id)}" name="${escapeXmlAttribute(topic.name)}" isCodable="true"${color}`;
    const children = tree.children(topic.id);
    if (!topic.description && children.length === 0) {
      lines.push(`${opening}/>`);
      return;
    }
    lines.push(`${opening}>`);
    if (topic.description) lines.push(`${indent}  <Description>${escapeXmlText(topic.description)}</Description>`);
    for (const child of children) writeCode(child, depth + 1, seen);
    lines.push(`${indent}</Code>`);
  };
  const seen = new Set<string>();
  for (const root of tree.children(undefined)) writeCode(root, 2, seen);
  lines.push('  </Codes>', '</CodeBook>', '');
  return lines.join('\n');
}
