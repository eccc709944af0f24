import { serveTasks, type TaskHandler } from '../workers/serve-tasks';
import { parseBundle } from './parse-bundle';

/** The bundle reader's thread: a colleague's file is unzipped and parsed here, under a heap limit and a time budget. */
const parse: TaskHandler = ((input: { bytes: Uint8Array; fileName: string }) => parseBundle(input.bytes, input.fileName)) as TaskHandler;

serveTasks({ 'parse-bundle': parse });
