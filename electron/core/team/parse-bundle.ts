import { WorkbenchError } from '../api/errors';
import { readZipEntries } from '../zip/inspect-zip';
import {
  BUNDLE_LIMITS,
  BundleManifestSchema,
  BundleRecordSchema,
  documentsPrefix,
  manifestName,
  recordsName,
  type BundleDocumentFile,
  type BundleRecord,
  type ParsedBundle,
} from './bundle-format';

/**
 * Reads a bundle's bytes into its parts, checking their shape: the zip under the bundle
 * limits (no bombs, no paths leaving their folder), the manifest, every record line, the
 * documents' file names. Runs on a limited worker thread (`bundle-worker.ts`): the file
 * came from someone else. Says nothing yet about whether the bundle fits this workspace.
 */
export async function parseBundle(bytes: Uint8Array, fileName: string): Promise<ParsedBundle> {
  const files = await readZipEntries(bytes, fileName, BUNDLE_LIMITS).catch((error: unknown) => {
    // The zip reader's advice is for documents ("save it again and import that"); a bundle is remade by exporting.
    if (error instanceof WorkbenchError && error.code === 'CORRUPT') {
      throw new WorkbenchError(
        'CORRUPT',
        `“${fileName}” is not a whole exchange bundle: it is not a valid zip file, or it was cut short while being copied (${error.message.match(/\(([^)]*)\)/)?.[1] ?? 'unreadable'}). Copy it again, or ask for a new export; nothing was merged.`,
        { fileName },
      );
    }
    throw error;
  });
  const manifestBytes = files.get(manifestName);
  const recordBytes = files.get(recordsName);
  if (!manifestBytes || !recordBytes) {
    throw notABundle(fileName, `it has no ${manifestBytes ? recordsName : manifestName}`);
  }
  const manifestJson = parseJson(manifestBytes.toString('utf8'), fileName, manifestName);
  const manifestCheck = BundleManifestSchema.safeParse(manifestJson);
  if (!manifestCheck.success) {
    const format = (manifestJson as { format?: unknown } | null)?.format;
    if (format !== 'field-workbench-exchange') throw notABundle(fileName, 'its manifest is not a Field Workbench exchange manifest');
    const issue = manifestCheck.error.issues[0];
    throw notABundle(fileName, `its manifest is damaged (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
  }
  const manifest = manifestCheck.data;

  const records: BundleRecord[] = [];
  const lines = recordBytes.toString('utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const parsed = BundleRecordSchema.safeParse(parseJson(line, fileName, `${recordsName} line ${index + 1}`));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw notABundle(fileName, `line ${index + 1} of ${recordsName} is not a record (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
    }
    records.push(parsed.data);
  }
  if (records.length !== manifest.records) {
    throw new WorkbenchError(
      'CORRUPT',
      `“${fileName}” is incomplete: its manifest lists ${manifest.records} records but it holds ${records.length}. Ask for the bundle again; nothing was merged.`,
      { fileName },
    );
  }

  const documents: BundleDocumentFile[] = [];
  for (const [name, data] of files) {
    if (!name.startsWith(documentsPrefix) || name.endsWith('/')) continue;
    const parts = name.slice(documentsPrefix.length).split('/');
    if (parts.length !== 2 || !manifest.documents.includes(parts[0]!) || !/^[A-Za-z0-9._-]{1,200}$/.test(parts[1]!) || parts[1]!.startsWith('.')) {
      throw notABundle(fileName, `it holds a file “${name}” that is not part of a listed document`);
    }
    documents.push({ docId: parts[0]!, name: parts[1]!, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
  }
  for (const docId of manifest.documents) {
    if (!documents.some((file) => file.docId === docId && file.name === 'document.json')) {
      throw new WorkbenchError('CORRUPT', `“${fileName}” is incomplete: the document ${docId} it lists is missing. Ask for the bundle again; nothing was merged.`, { fileName });
    }
  }
  return { manifest, records, documents };
}

function parseJson(text: string, fileName: string, part: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw notABundle(fileName, `${part} is not valid JSON (${(error as Error).message})`);
  }
}

function notABundle(fileName: string, why: string): WorkbenchError {
  return new WorkbenchError('CORRUPT', `“${fileName}” is not a usable exchange bundle: ${why}. Ask the colleague who sent it to export it again with \`workbench exchange export\`; nothing was merged.`, { fileName });
}
