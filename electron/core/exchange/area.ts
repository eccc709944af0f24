import { basename } from 'node:path';
import type { AnnotationsFace } from '../annotations';
import { WorkbenchError } from '../api/errors';
import type { Area, CoreContext } from '../core-context';
import type { ImportArea, ImportResult } from '../import';
import type { TeamFace } from '../team';
import type { exchangeMethods } from './methods';
import type { ExportProjectDeps } from './export-project';

export interface ExchangeDeps {
  annotations: AnnotationsFace;
  team: TeamFace;
  imports: Pick<ImportArea, 'importPrepared' | 'handlers'>;
  documentDir(docId: string): string;
  origin: string;
  workerUrl?: URL;
}

export interface ExchangeArea extends Area<typeof exchangeMethods> {
  /** Reads a `.qdpx` or `.qdc`, or W3C / Hypothesis annotations (`.jsonld`, `.json`), into the workspace (the import area hands them here). */
  importFile(filePath: string, fileName: string): Promise<ImportResult>;
}

/**
 * The exchange area: REFI-QDA projects and codebooks, out and in. It owns no records; it
 * reads and writes through the annotations, import and team areas' faces. Its code (and
 * jszip, xmldom) loads on first use.
 */
export function createExchangeArea(context: CoreContext, deps: ExchangeDeps): ExchangeArea {
  const { workspace, corpus } = context;
  // One project import at a time: each reads the library and codebook as it stands.
  let queue: Promise<unknown> = Promise.resolve();
  const importFile = (filePath: string, fileName: string): Promise<ImportResult> => {
    if (workspace.readOnly) return Promise.reject(new WorkbenchError('LOCKED', `“${fileName}” cannot be imported: this workspace is open read-only.`));
    const run = queue.then(async () => {
      if (/\.(jsonld|json)$/i.test(fileName)) {
        const { importAnnotationsFile } = await import('./apply-annotations');
        return importAnnotationsFile(filePath, fileName, { workspace, corpus, annotations: deps.annotations, team: deps.team });
      }
      const [{ readProject }, { applyProject }] = await Promise.all([import('./read-project'), import('./apply-project')]);
      const project = await readProject(filePath, fileName, deps.workerUrl ? { workerUrl: deps.workerUrl } : {});
      return applyProject(project, fileName, { workspace, corpus, annotations: deps.annotations, team: deps.team, imports: deps.imports });
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const exportDeps = (): ExportProjectDeps => ({
    corpus,
    annotations: deps.annotations,
    team: deps.team,
    documentDir: deps.documentDir,
    projectName: `Field Workbench project ${workspace.identity.projectId}`,
    origin: deps.origin,
    currentUserId: workspace.user.id,
  });
  return {
    importFile,
    handlers: {
      'exchange.exportProject': async ({ out }) => {
        const { buildProject, writeProject } = await import('./export-project');
        if (out) return writeProject(out, exportDeps());
        const { zip, result } = await buildProject(exportDeps());
        return { ...result, fileName: 'field-workbench-project.qdpx', mimeType: 'application/zip', encoding: 'base64', data: zip.toString('base64') };
      },
      'exchange.importProject': ({ path }) => importFile(path, basename(path)),
    },
  };
}
