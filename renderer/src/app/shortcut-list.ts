import { views } from './routes';

/** The modifier key as the user's keyboard writes it. */
export const modifierKey = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl';

export interface ShortcutGroup {
  title: string;
  shortcuts: Array<{ keys: string[]; does: string }>;
}

/** Every keyboard shortcut of the app, as the help (press ?) lists them. */
export function shortcutGroups(mod = modifierKey): ShortcutGroup[] {
  return [
    {
      title: 'Everywhere',
      shortcuts: [
        { keys: [`${mod}+K`], does: 'Go to anything: a view, a paper, an entity, a search' },
        { keys: [`${mod}+Shift+F`], does: 'Search everything' },
        ...views.map((view) => ({ keys: [`${mod}+${view.shortcut}`], does: `Open ${view.label}` })),
        { keys: [`${mod}+Z`, `${mod}+Shift+Z`], does: 'Undo or redo the last change: coding, topics, corrections of the events' },
        { keys: ['?'], does: 'Show these shortcuts' },
      ],
    },
    {
      title: 'Reader',
      shortcuts: [
        { keys: ['J', 'K'], does: 'Next or previous passage' },
        { keys: ['Page Down', 'Page Up'], does: 'Next or previous page' },
        { keys: [`${mod}+F`], does: 'Find in the document (in the view you are in)' },
        { keys: ['Enter', 'Shift+Enter'], does: 'Next or previous find hit' },
        { keys: ['A', `${mod}+Shift+A`], does: 'Annotate the selection (or the current passage)' },
        { keys: ['E'], does: 'Go to the entity names of the current passage; arrows move between names' },
      ],
    },
    {
      title: 'Recordings (in the reader)',
      shortcuts: [
        { keys: [`${mod}+Space`], does: 'Play or pause (also while typing a note)' },
        { keys: [`${mod}+←`, `${mod}+→`], does: 'Back or forward 5 seconds' },
        { keys: ['<', '>'], does: 'Slower or faster (0.5× to 1.5×)' },
        { keys: ['Click a time'], does: 'Play from that passage' },
      ],
    },
    {
      title: 'Annotating',
      shortcuts: [
        { keys: ['1 … 9'], does: 'Toggle the first nine topics of the codebook' },
        { keys: [`${mod}+Enter`], does: 'Save the annotation (Enter alone while the selection has the focus)' },
        { keys: ['Esc'], does: 'Close without saving' },
        { keys: ['↑', '↓', 'Enter'], does: 'Choose a topic or entity in a list, and take it' },
      ],
    },
    {
      title: 'Annotations list',
      shortcuts: [
        { keys: ['↑', '↓', 'Home', 'End'], does: 'Move through the annotations' },
        { keys: ['Enter'], does: 'Open the annotation in the reader' },
        { keys: ['E'], does: 'Edit it' },
        { keys: ['Delete'], does: 'Delete it (undo brings it back)' },
        { keys: ['T'], does: 'Add it to the timeline as an event' },
      ],
    },
    {
      title: 'Evidence timeline',
      shortcuts: [
        { keys: ['+', '−', '←', '→'], does: 'Zoom and move the timeline (when it has the focus)' },
        { keys: [`${mod}+Z`, `${mod}+Shift+Z`], does: 'Undo or redo the last correction of the events (in one order with every other change)' },
      ],
    },
    {
      title: 'Drafts',
      shortcuts: [
        { keys: ['@', `${mod}+Shift+C`], does: 'Cite a passage, an annotation or a paper; right after a citation (no space), cite another source in the same group' },
        { keys: [`${mod}+B`, `${mod}+I`], does: 'Bold, italic' },
      ],
    },
  ];
}
