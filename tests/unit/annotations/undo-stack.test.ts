import { describe, expect, it } from 'vitest';
import { UndoStack, type Command } from '../../../electron/core/undo';

/** A command that appends to / pops from a shared list, recording each call. */
function push(list: string[], item: string, calls: string[] = []): Command<number> {
  return {
    label: `Add ${item}`,
    do: async () => {
      calls.push(`do ${item}`);
      list.push(item);
      return list.length;
    },
    undo: async () => {
      calls.push(`undo ${item}`);
      expect(list.at(-1)).toBe(item);
      list.pop();
    },
  };
}

describe('UndoStack', () => {
  it('undoes and redoes commands in order and returns what do() returned', async () => {
    const stack = new UndoStack();
    const list: string[] = [];
    expect(await stack.execute(push(list, 'a'))).toBe(1);
    await stack.execute(push(list, 'b'));
    expect(stack.nextUndoLabel).toBe('Add b');
    expect(await stack.undo()).toBe(true);
    expect(list).toEqual(['a']);
    expect(stack.nextRedoLabel).toBe('Add b');
    expect(await stack.undo()).toBe(true);
    expect(list).toEqual([]);
    expect(await stack.undo()).toBe(false);
    expect(await stack.redo()).toBe(true);
    expect(await stack.redo()).toBe(true);
    expect(list).toEqual(['a', 'b']);
    expect(await stack.redo()).toBe(false);
  });

  it('clears redo when a new command runs after an undo', async () => {
    const stack = new UndoStack();
    const list: string[] = [];
    await stack.execute(push(list, 'a'));
    await stack.undo();
    expect(stack.canRedo).toBe(true);
    await stack.execute(push(list, 'c'));
    expect(stack.canRedo).toBe(false);
    expect(await stack.redo()).toBe(false);
    expect(list).toEqual(['c']);
  });

  it('does not record a command whose do() fails, and keeps working after it', async () => {
    const stack = new UndoStack();
    const list: string[] = [];
    await stack.execute(push(list, 'a'));
    await expect(stack.execute({ label: 'Broken', do: async () => Promise.reject(new Error('nope')), undo: async () => {} })).rejects.toThrow('nope');
    expect(stack.nextUndoLabel).toBe('Add a');
    await stack.undo();
    expect(list).toEqual([]);
  });

  it('keeps a command on the undo side when its undo() fails', async () => {
    const stack = new UndoStack();
    await stack.execute({ label: 'Stubborn', do: async () => {}, undo: async () => Promise.reject(new Error('disk full')) });
    await expect(stack.undo()).rejects.toThrow('disk full');
    expect(stack.canUndo).toBe(true);
    expect(stack.canRedo).toBe(false);
  });

  it('runs operations one after another even when called without waiting', async () => {
    const stack = new UndoStack();
    const list: string[] = [];
    const calls: string[] = [];
    await Promise.all([stack.execute(push(list, 'a', calls)), stack.execute(push(list, 'b', calls)), stack.undo(), stack.undo(), stack.redo()]);
    expect(calls).toEqual(['do a', 'do b', 'undo b', 'undo a', 'do a']);
    expect(list).toEqual(['a']);
  });

  it('forgets the oldest commands beyond its limit', async () => {
    const stack = new UndoStack({ limit: 2 });
    const list: string[] = [];
    for (const item of ['a', 'b', 'c']) await stack.execute(push(list, item));
    expect(await stack.undo()).toBe(true);
    expect(await stack.undo()).toBe(true);
    expect(await stack.undo()).toBe(false);
    expect(list).toEqual(['a']);
  });
});
