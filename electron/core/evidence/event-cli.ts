import type { Command } from 'commander';
import type { CliAction } from '../cli/program';
import type { EventKind } from '../corpus/schema';
import type { EventEditRequest, EventEditView, RemovedEvent } from './event-edits';
import { collect } from '../cli/options';

function describeEdit(view: EventEditView): string {
  const edit = view.edit;
  const what =
    edit.type === 'split' ? `split ${edit.eventId}: ${edit.passageIds.length} passage(s) → ${edit.newEventId} “${edit.title}”`
    : edit.type === 'merge' ? `merge ${edit.eventIds.join(' + ')}`
    : edit.type === 'redate' ? `redate ${edit.eventId} → ${edit.date}`
    : edit.type === 'retitle' ? `retitle ${edit.eventId} → “${edit.title}”`
    : edit.type === 'reclassify' ? `reclassify ${edit.eventId} → ${edit.kind}`
    : edit.type === 'add' ? `add ${edit.event.id} ${edit.event.date} “${edit.event.title}”${edit.annotationId ? ` (from annotation ${edit.annotationId})` : ''}`
    : `remove ${edit.eventId}`;
  return `${view.id}  ${view.createdAt.slice(0, 16).replace('T', ' ')}  ${view.author}  ${what}${view.skipped ? `  [no longer applies: ${view.skipped}]` : ''}`;
}

/** `workbench event …`: corrections of the extracted events, each kept as a record. */
export function registerEventEditCommands(program: Command, run: CliAction): void {
  const event = program
    .command('event')
    .description('correct the extracted events (each correction is a record, applied over the corpus in order; `workbench events` shows the result)');
  const edit = (request: EventEditRequest) =>
    run(async (context) => {
      const view = (await context.call('evidence.editEvents', { edit: request }, 'write')) as EventEditView;
      return { value: view, human: () => describeEdit(view) };
    });
  event.command('redate <eventId> <date>').description('correct an event’s date (2023, 2023-09, 2023-09-24, "24 September 2023", "late 2013" or 2013-39, "first half of 2013", 2015/2016)').action((eventId: string, date: string) => edit({ type: 'redate', eventId, date }));
  event.command('retitle <eventId> <title>').description('give an event a better title').action((eventId: string, title: string) => edit({ type: 'retitle', eventId, title }));
  event
    .command('reclassify <eventId> <kind>')
    .description('change an event’s kind: security-incident, military, agreement, election, diplomatic, legal, institutional, economic, meeting, other')
    .action((eventId: string, kind: string) => edit({ type: 'reclassify', eventId, kind: kind as EventKind }));
  event
    .command('merge <eventIds...>')
    .description('make one event of several (the first id stays; the others’ sources join it)')
    .option('--title <title>', 'the merged event’s title')
    .action((eventIds: string[], options: { title?: string }) => edit({ type: 'merge', eventIds, ...(options.title ? { title: options.title } : {}) }));
  event
    .command('split <eventId>')
    .description('undo a wrong merge: the named passages become a new event')
    .requiredOption('--passage <passageId>', 'a passage that belongs to the new event (repeatable)', collect)
    .requiredOption('--title <title>', 'the new event’s title')
    .option('--date <date>', 'the new event’s date (default: the old one’s)')
    .action((eventId: string, options: { passage: string[]; title: string; date?: string }) =>
      edit({ type: 'split', eventId, passageIds: options.passage, title: options.title, ...(options.date ? { date: options.date } : {}) }),
    );
  event
    .command('add')
    .description('add an event the papers’ text did not yield, sourced by one of your annotations')
    .requiredOption('--annotation <annotationId>', 'the annotation whose quote reports the event')
    .requiredOption('--date <date>', 'when it happened')
    .requiredOption('--title <title>', 'a short noun phrase or clause')
    .option('--kind <kind>', 'its kind (default: other)', 'other')
    .action((options: { annotation: string; date: string; title: string; kind: string }) =>
      edit({ type: 'add', annotationId: options.annotation, date: options.date, title: options.title, kind: options.kind as EventKind }),
    );
  event
    .command('remove <eventId>')
    .description('drop an event that is not one: your own added event is deleted, an extracted one hidden by a correction (`workbench event undo` shows it again)')
    .action((eventId: string) =>
      run(async (context) => {
        const removed = (await context.call('evidence.removeEvent', { eventId }, 'write')) as RemovedEvent;
        return { value: removed, human: () => (removed.outcome === 'deleted' ? `Deleted ${eventId}, which you had added.` : `Hid ${eventId} (${removed.edit?.id}).`) };
      }),
    );
  event
    .command('edits')
    .description('the corrections made so far, oldest first, with who made them')
    .action(() =>
      run(async (context) => {
        const views = (await context.call('evidence.eventEdits', {})) as EventEditView[];
        return { value: views, human: () => views.map(describeEdit).join('\n') || '(no corrections)' };
      }),
    );
  event
    .command('undo <editId>')
    .description('take a correction back')
    .action((editId: string) =>
      run(async (context) => {
        await context.call('evidence.undoEventEdit', { editId }, 'write');
        return { value: { undone: editId }, human: () => `Took back ${editId}.` };
      }),
    );
}
