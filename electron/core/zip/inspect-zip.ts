import yauzl from 'yauzl';
import { WorkbenchError } from '../api/errors.js';
import type { ZipLimits } from './zip-limits.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  isDirectory: boolean;
}

export interface ZipInventory {
  entries: ZipEntryInfo[];
  totalUncompressed: number;
}

/**
 * Reads a zip's central directory only (nothing is inflated) and refuses what could harm
 * whoever unpacks it: too many entries, entries or a total too large, compression ratios
 * only a bomb has, and names that would write outside the target folder ("zip slip":
 * absolute paths, drive letters, `..`). Every refusal says which entry and why.
 */
export async function inspectZip(bytes: Uint8Array, fileName: string, limits: ZipLimits): Promise<ZipInventory> {
  const zip = await openZip(bytes, fileName);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refusal(fileName, `it holds ${zip.entryCount} files, more than the ${limits.maxEntries} allowed`);
    }
    const entries: ZipEntryInfo[] = [];
    let totalUncompressed = 0;
    for await (const entry of directoryEntries(zip, fileName)) {
      const name = entryName(entry);
      const unsafe = unsafePathReason(name);
      if (unsafe) throw refusal(fileName, `it contains a file named “${printable(name)}”, which ${unsafe}`, { entry: name, reason: 'zip-slip' });
      const size = entry.uncompressedSize;
      if (size > limits.maxEntryBytes) {
        throw refusal(fileName, `“${printable(name)}” inside it would unpack to ${megabytes(size)}, more than the ${megabytes(limits.maxEntryBytes)} allowed for one part`, { entry: name, reason: 'entry-size' });
      }
      const ratio = size / Math.max(1, entry.compressedSize);
      if (size >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
        throw refusal(fileName, `“${printable(name)}” inside it is compressed ${Math.round(ratio)} to 1, which only files built to exhaust memory (“zip bombs”) are`, { entry: name, reason: 'ratio' });
      }
      totalUncompressed += size;
      if (totalUncompressed > limits.maxTotalBytes) {
        throw refusal(fileName, `its parts would unpack to more than ${megabytes(limits.maxTotalBytes)} in all`, { reason: 'total-size' });
      }
      entries.push({ name, compressedSize: entry.compressedSize, uncompressedSize: size, isDirectory: name.endsWith('/') });
    }
    return { entries, totalUncompressed };
  } finally {
    zip.close();
  }
}

/**
 * Inflates the named entries (all files when `names` is omitted) after `inspectZip` passed,
 * counting bytes as they come: an entry that inflates to more than its directory record
 * claims fails at once instead of filling memory.
 */
export async function readZipEntries(bytes: Uint8Array, fileName: string, limits: ZipLimits, names?: ReadonlySet<string>): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  await inflateAll(bytes, fileName, limits, (name) => !names || names.has(name), (name, data) => files.set(name, data));
  return files;
}

/**
 * Checks a zip as `readZipEntries` does, keeping nothing: for formats whose own reader
 * (mammoth for DOCX) inflates the file again, with no limits of its own.
 */
export async function verifyZip(bytes: Uint8Array, fileName: string, limits: ZipLimits): Promise<ZipInventory> {
  return inflateAll(bytes, fileName, limits, () => true);
}

async function inflateAll(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits,
  wanted: (name: string) => boolean,
  keep?: (name: string, data: Buffer) => void,
): Promise<ZipInventory> {
  const inventory = await inspectZip(bytes, fileName, limits);
  const zip = await openZip(bytes, fileName);
  try {
    for await (const entry of directoryEntries(zip, fileName)) {
      const name = entryName(entry);
      if (name.endsWith('/') || !wanted(name)) continue;
      const data = await inflateEntry(zip, entry, name, fileName, limits, keep !== undefined);
      keep?.(name, data);
    }
    return inventory;
  } finally {
    zip.close();
  }
}

function openZip(bytes: Uint8Array, fileName: string): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Names stay raw so that we, not yauzl, judge them and say why one is refused.
  return yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }).catch((error: Error) => {
    throw new WorkbenchError('CORRUPT', `“${fileName}” could not be opened: it is not a valid zip-based file (${error.message}). Open it in the program that made it, save it again, and import that.`, { fileName });
  });
}

async function* directoryEntries(zip: yauzl.ZipFile, fileName: string): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => done(() => resolve(e));
      const onEnd = () => done(() => resolve(undefined));
      const onError = (error: Error) => done(() => reject(new WorkbenchError('CORRUPT', `“${fileName}” is damaged: its list of contents cannot be read (${error.message}). Find another copy.`, { fileName })));
      const done = (then: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        then();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, fileName: string, limits: ZipLimits, keep: boolean): Promise<Buffer> {
  const allowed = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(new WorkbenchError('CORRUPT', `“${printable(name)}” inside “${fileName}” cannot be unpacked (${error.message}).`, { fileName, entry: name }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > allowed) {
          stream.destroy();
          reject(refusal(fileName, `“${printable(name)}” inside it unpacks to more than the ${megabytes(allowed)} its directory claims`, { entry: name, reason: 'entry-size' }));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      // yauzl's own size check (validateEntrySizes) reports a mismatch as an error too.
      stream.on('error', (streamError: Error) =>
        reject(refusal(fileName, `“${printable(name)}” inside it does not unpack to what its directory claims (${streamError.message})`, { entry: name, reason: 'entry-size' })),
      );
      stream.on('end', () => resolve(keep ? Buffer.concat(chunks, size) : Buffer.alloc(0)));
    });
  });
}

function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw ?? Buffer.from(String(entry.fileName));
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

/** Why a name would escape the folder it is unpacked into, or undefined when it is safe. */
export function unsafePathReason(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(slashed)) return 'names a drive';
  if (slashed.split('/').includes('..')) return 'climbs out of its folder with “..”';
  return undefined;
}

function refusal(fileName: string, reason: string, details: Record<string, unknown> = {}): WorkbenchError {
  return new WorkbenchError(
    'UNSUPPORTED',
    `“${fileName}” was not imported: ${reason}. It may be damaged or built to harm the program that opens it; nothing was unpacked and nothing was added to your library.`,
    { fileName, ...details },
  );
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** A name fit for a message: control characters shown as �, at most 120 characters. */
function printable(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}
