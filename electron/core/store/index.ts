export { openWorkspace, Workspace } from './workspace';
export type { OpenWorkspaceOptions } from './workspace';
export type { CollectionHandle } from './types';
export type { StoreNotice } from './notices';
export { defineCollection } from './collection-definition';
export type { CollectionDefinition } from './collection-definition';
export { Collection } from './collection';
