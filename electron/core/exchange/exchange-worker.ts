import { serveTasks, type TaskHandler } from '../workers/serve-tasks';
import { parseQdc, parseQdpx } from './parse-project';

/** The REFI-QDA reader's thread: another tool's file is unzipped and parsed here, under a heap limit and a time budget. */
const qdpx: TaskHandler = ((input: { bytes: Uint8Array; fileName: string }) => parseQdpx(input.bytes, input.fileName)) as TaskHandler;
const qdc: TaskHandler = (async (input: { bytes: Uint8Array; fileName: string }) => parseQdc(input.bytes, input.fileName)) as TaskHandler;

serveTasks({ 'parse-qdpx': qdpx, 'parse-qdc': qdc });
