export { UndoStack, runCommand } from './undo-stack';
export type { Command, UndoStackOptions } from './undo-stack';
