/**
 * Fails (exit 1) when an import crosses the layers DESIGN.md sets:
 * - core (electron/core) never imports electron, the shell (electron/main, electron/preload) or the renderer;
 * - the renderer imports core for types only, never at run time, and never Node built-ins or electron;
 * - the preload imports nothing but electron;
 * - common (electron/common) is pure TypeScript both core and the renderer run: it imports only
 *   other common files and npm packages, never core, the shell, the renderer, electron or Node's
 *   built-ins, and uses no global of Node or of the browser's DOM (core and the renderer may
 *   import it at run time);
 * - inside core and the shell, an area's folder is its own: anything outside it imports the
 *   area through its public faces, never a file within (types included). The faces are
 *   `index.ts` and, kept light so the kernel can load them without the area's code,
 *   `methods.ts` (its API table, for the contract), `cli.ts` (its commands, for the CLI
 *   program) and `collections.ts` (its collection definitions, where it has one). Areas own
 *   data and behaviour (see `coreAreas`); the rest of core is the shared kernel (api, store,
 *   corpus, metadata, text, anchoring, citations, undo, cli, assets, core.ts), which any
 *   file may import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

interface ImportSite {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

function importsOf(file: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const sites: ImportSite[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      let typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined;
      if (!typeOnly && ts.isImportDeclaration(node) && !node.importClause?.name && bindings && ts.isNamedImports(bindings)) {
        typeOnly = bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
      }
      if (ts.isImportDeclaration(node) && !node.importClause) typeOnly = false;
      sites.push({ specifier: node.moduleSpecifier.text, typeOnly, line: lineOf(node) });
    }
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) sites.push({ specifier: node.arguments[0].text, typeOnly: false, line: lineOf(node) });
    }
    if (ts.isImportTypeNode(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

type Layer = 'core' | 'common' | 'main' | 'preload' | 'renderer' | 'other';

function layerOf(root: string, path: string): Layer {
  const rel = relative(root, path).split('\\').join('/');
  if (rel.startsWith('electron/core/')) return 'core';
  if (rel === 'electron/common' || rel.startsWith('electron/common/')) return 'common';
  if (rel.startsWith('electron/main/')) return 'main';
  if (rel.startsWith('electron/preload/')) return 'preload';
  if (rel.startsWith('renderer/src/')) return 'renderer';
  return 'other';
}

/** The areas of core: folders whose insides only they may import. */
export const coreAreas = ['annotations', 'topics', 'drafts', 'import', 'search', 'settings', 'user-entities', 'metadata-edits', 'evidence', 'exchange', 'interviews'] as const;

function areaOf(root: string, path: string): string | undefined {
  const rel = relative(root, path).split('\\').join('/');
  return coreAreas.find((area) => rel === `electron/core/${area}` || rel.startsWith(`electron/core/${area}/`));
}

/** The files of an area others may import. */
export const areaFaces = ['index', 'methods', 'cli', 'collections'] as const;

/** True when the path (without its extension) is an area's folder or one of its faces. */
function isAreaFace(root: string, path: string, area: string): boolean {
  const rel = relative(root, path).split('\\').join('/').replace(/\.(ts|tsx|js|mjs)$/, '');
  return rel === `electron/core/${area}` || areaFaces.some((face) => rel === `electron/core/${area}/${face}`);
}

const nodeBuiltin = /^node:|^(fs|path|os|child_process|crypto|http|https|net|worker_threads|stream|url|events|util)(\/|$)/;

/**
 * Globals that exist only in Node or only in a browser page. Common code runs in both, so it
 * may name them in types (a tiptap attribute's `parseHTML(element: HTMLElement)`) but never
 * use them as values.
 */
const hostGlobals = new Set([
  'process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate',
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'history', 'getComputedStyle',
  'requestAnimationFrame', 'cancelAnimationFrame', 'matchMedia', 'customElements', 'DOMParser', 'XMLSerializer', 'MutationObserver',
  'ResizeObserver', 'IntersectionObserver', 'HTMLElement', 'Element', 'Node', 'NodeFilter', 'Range', 'Selection', 'Event', 'CustomEvent', 'fetch', 'XMLHttpRequest',
]);

/** Names the file declares itself (a parameter called `document`, an imported `Node`): not the globals. */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node) => {
    const name = (node as { name?: ts.Node }).name;
    if (
      name && ts.isIdentifier(name) &&
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) ||
        ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isBindingElement(node) || ts.isEnumDeclaration(node))
    ) {
      names.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Uses of Node's or the DOM's globals as values (types are fine), with their lines. */
function hostGlobalUses(file: string, text: string): Array<{ name: string; line: number }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const own = declaredNames(source);
  const uses: Array<{ name: string; line: number }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && hostGlobals.has(node.text) && !own.has(node.text) && isValueReference(node)) {
      uses.push({ name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** False for an identifier that only names something: `x.document`, `{ document: 1 }`, a declaration. */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node) return false;
  if (ts.isQualifiedName(parent)) return false;
  return true;
}

export function checkFile(root: string, file: string, text: string): Violation[] {
  const layer = layerOf(root, file);
  const violations: Violation[] = [];
  const flag = (site: ImportSite, rule: string) => violations.push({ file: relative(root, file), line: site.line, specifier: site.specifier, rule });
  const ownArea = areaOf(root, file);
  for (const site of importsOf(file, text)) {
    const targetPath = site.specifier.startsWith('.') ? resolve(dirname(file), site.specifier) : undefined;
    const target = targetPath ? layerOf(root, targetPath) : undefined;
    if ((layer === 'core' || layer === 'main') && targetPath) {
      const targetArea = areaOf(root, targetPath);
      if (targetArea && targetArea !== ownArea && !isAreaFace(root, targetPath, targetArea)) {
        flag(site, `imports the inside of the ${targetArea} area; import one of its public faces ('${targetArea}/index.ts', or methods.ts, cli.ts, collections.ts) instead`);
      }
    }
    if (layer === 'common') {
      if (site.specifier === 'electron' || site.specifier.startsWith('electron/')) flag(site, 'common must not import electron');
      else if (isBuiltin(site.specifier) || site.specifier.startsWith('node:')) flag(site, "common must not import Node's built-ins");
      else if (targetPath && target !== 'common') flag(site, `common imports only common files and packages, not the ${target === 'other' ? 'files outside it' : `${target} layer`}`);
    } else if (layer === 'core') {
      if (site.specifier === 'electron' || site.specifier.startsWith('electron/')) flag(site, 'core must not import electron');
      if (target === 'main' || target === 'preload' || target === 'renderer') flag(site, `core must not import the ${target} layer`);
    } else if (layer === 'renderer') {
      if (target === 'core' || target === 'main' || target === 'preload') {
        if (!site.typeOnly) flag(site, 'the renderer may import core for types only (use `import type`)');
      }
      if (site.specifier === 'electron' || nodeBuiltin.test(site.specifier)) flag(site, 'the renderer must not import electron or Node built-ins');
    } else if (layer === 'preload') {
      if (site.specifier !== 'electron') flag(site, 'the preload imports nothing but electron');
    } else if (layer === 'main') {
      if (target === 'renderer') flag(site, 'main must not import the renderer');
    }
  }
  if (layer === 'common') {
    for (const use of hostGlobalUses(file, text)) {
      violations.push({ file: relative(root, file), line: use.line, specifier: use.name, rule: `common code runs in Node and in the page, so it must not use the global \`${use.name}\`` });
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export function checkLayers(root: string): Violation[] {
  return ['electron', 'renderer'].flatMap((top) => sourceFiles(join(root, top))).flatMap((file) => checkFile(root, file, readFileSync(file, 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const violations = checkLayers(root);
  for (const violation of violations) console.error(`${violation.file}:${violation.line}: ${violation.rule} (imports ${violation.specifier})`);
  if (violations.length > 0) {
    console.error(`Layering check failed: ${violations.length} violation(s).`);
    process.exit(1);
  }
  console.log('Layering check passed.');
}
