import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkLayers } from '../../../scripts/check-layers';

const root = resolve(import.meta.dirname, '../../..');
const at = (path: string) => join(root, path);

describe('layering check', () => {
  it('passes on the project as it stands', () => {
    expect(checkLayers(root)).toEqual([]);
  });

  it('fails when core imports electron', () => {
    const violations = checkFile(root, at('electron/core/store/x.ts'), "import { app } from 'electron';\n");
    expect(violations.map((v) => v.rule)).toEqual(['core must not import electron']);
  });

  it('fails when core imports the renderer or the shell', () => {
    expect(checkFile(root, at('electron/core/x.ts'), "import { App } from '../../renderer/src/app/App';").length).toBe(1);
    expect(checkFile(root, at('electron/core/x.ts'), "const m = await import('../main/index');").length).toBe(1);
  });

  it('fails when the renderer imports core at run time, but allows type-only imports', () => {
    const file = at('renderer/src/views/X.tsx');
    expect(checkFile(root, file, "import { createCore } from '../../../electron/core/core';")).toHaveLength(1);
    expect(checkFile(root, file, "import '../../../electron/core/core';")).toHaveLength(1);
    expect(checkFile(root, file, "import type { Core } from '../../../electron/core/core';")).toEqual([]);
    expect(checkFile(root, file, "import { type Core } from '../../../electron/core/core';")).toEqual([]);
    expect(checkFile(root, file, "import { readFile } from 'node:fs';")).toHaveLength(1);
  });

  it("refuses a deep import into another area's insides, types included, and allows its public face", () => {
    const file = at('electron/core/drafts/handlers/sources.ts');
    const [deep] = checkFile(root, file, "import type { Annotation } from '../../annotations/annotation-schema';");
    expect(deep?.rule).toMatch(/inside of the annotations area; import one of its public faces/);
    expect(checkFile(root, file, "import { AnnotationService } from '../../annotations/annotation-service.js';")).toHaveLength(1);
    expect(checkFile(root, file, "import type { Annotation } from '../../annotations';")).toEqual([]);
    expect(checkFile(root, file, "import { annotationsCollection } from '../../annotations/index.js';")).toEqual([]);
    // The light faces the kernel loads without the area's code: its API table, commands and collections.
    expect(checkFile(root, at('electron/core/api/contract.ts'), "import { searchMethods } from '../search/methods';")).toEqual([]);
    expect(checkFile(root, at('electron/core/cli/program.ts'), "import { registerSearchCommands } from '../search/cli';")).toEqual([]);
    expect(checkFile(root, at('electron/core/core.ts'), "import { searchCollections } from './search/collections';")).toEqual([]);
    // Inside its own area a file imports what it likes; the kernel is open to all.
    expect(checkFile(root, file, "import { DraftService } from '../draft-service';")).toEqual([]);
    expect(checkFile(root, file, "import { openWorkspace } from '../../store/workspace';")).toEqual([]);
    // The kernel and the shell go through the face too.
    expect(checkFile(root, at('electron/core/core.ts'), "import { createSearchArea } from './search/area';")).toHaveLength(1);
    expect(checkFile(root, at('electron/main/index.ts'), "import { hostPdfExport } from '../core/drafts/handlers/host-pdf-export';")).toHaveLength(1);
    expect(checkFile(root, at('electron/main/index.ts'), "import { hostPdfExport } from '../core/drafts';")).toEqual([]);
  });

  it('keeps the preload to electron alone', () => {
    expect(checkFile(root, at('electron/preload/index.ts'), "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(checkFile(root, at('electron/preload/index.ts'), "import { contextBridge } from 'electron';")).toEqual([]);
  });
});
