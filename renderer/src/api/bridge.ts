import type { EventChannel, EventPayloads, InvokeResult } from '../../../electron/core/api/contract';

/** What the preload exposes, and nothing more. */
export interface WorkbenchBridge {
  invoke(method: string, args: unknown): Promise<InvokeResult>;
  subscribe(channel: EventChannel, listener: (payload: EventPayloads[EventChannel]) => void): () => void;
}

declare global {
  interface Window {
    workbench: WorkbenchBridge;
  }
}
