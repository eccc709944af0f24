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

  describe('common (electron/common), the pure code core and the renderer share', () => {
    const file = at('electron/common/text/x.ts');
    const rules = (text: string) => checkFile(root, file, text).map((v) => v.rule);

    it('may import other common files and packages, and be imported by core and the renderer at run time', () => {
      expect(rules("import { foldCase } from '../text/fold';\nimport { Node } from '@tiptap/core';\nimport { z } from 'zod';")).toEqual([]);
      expect(checkFile(root, at('renderer/src/views/X.tsx'), "import { foldCase } from '../../../electron/common/text/fold';")).toEqual([]);
      expect(checkFile(root, at('electron/core/search/x.ts'), "import { foldDiacritics } from '../../common/text/fold';")).toEqual([]);
    });

    it('refuses core, the shell and the renderer, types included', () => {
      expect(rules("import { WorkbenchError } from '../../core/api/errors';")).toEqual(['common imports only common files and packages, not the core layer']);
      expect(rules("import type { Passage } from '../../core/corpus/schema';")).toEqual(['common imports only common files and packages, not the core layer']);
      expect(rules("import { api } from '../../../renderer/src/api/client';")).toEqual(['common imports only common files and packages, not the renderer layer']);
      expect(rules("import '../../main/index';")).toEqual(['common imports only common files and packages, not the main layer']);
      expect(rules("import data from '../../../resources/corpus/corpus.json';")).toEqual(['common imports only common files and packages, not the files outside it']);
    });

    it('refuses electron and Node built-ins, bare or prefixed', () => {
      expect(rules("import { app } from 'electron';")).toEqual(['common must not import electron']);
      expect(rules("import { readFile } from 'node:fs/promises';")).toEqual(["common must not import Node's built-ins"]);
      expect(rules("import { format } from 'util';")).toEqual(["common must not import Node's built-ins"]);
      expect(rules("import { StringDecoder } from 'string_decoder';")).toEqual(["common must not import Node's built-ins"]);
      expect(rules("const { join } = require('path');")).toHaveLength(2);
    });

    it("refuses Node's and the DOM's globals as values, but not as types or names of its own", () => {
      expect(rules('export const home = process.env.HOME;')).toEqual(['common code runs in Node and in the page, so it must not use the global `process`']);
      expect(rules("export const bytes = Buffer.from('x');")).toHaveLength(1);
      expect(rules("export const title = () => document.title;")).toHaveLength(1);
      expect(rules('export const wide = () => window.innerWidth > 900;')).toHaveLength(1);
      expect(rules('export const isElement = (value: unknown) => value instanceof HTMLElement;')).toHaveLength(1);
      // Named in types only, or a name the file declares, or a property: all fine.
      expect(rules("export const read = (element: HTMLElement) => element.getAttribute('data-x');")).toEqual([]);
      expect(rules('export function title(document: { title: string }) { return document.title; }')).toEqual([]);
      expect(rules("import { Node } from '@tiptap/core';\nexport const N = Node.create({ name: 'x' });")).toEqual([]);
      expect(rules("export const shape = { document: 1, window: 2 };\nexport const size = shape.window;")).toEqual([]);
    });

    it('finds a violating fixture file among the project files', () => {
      const fixture = at('electron/common/leaky.ts');
      const found = checkFile(root, fixture, "import { readFileSync } from 'node:fs';\nimport { colorKeys } from '../core/annotations/palette';\nexport const size = () => document.body.clientWidth;");
      expect(found.map((v) => [v.file, v.line])).toEqual([
        ['electron/common/leaky.ts', 1],
        ['electron/common/leaky.ts', 2],
        ['electron/common/leaky.ts', 3],
      ]);
    });
  });

  it('keeps the preload to electron alone', () => {
    expect(checkFile(root, at('electron/preload/index.ts'), "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(checkFile(root, at('electron/preload/index.ts'), "import { contextBridge } from 'electron';")).toEqual([]);
  });
});
