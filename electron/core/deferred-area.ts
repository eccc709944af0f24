import type { Area, AreaHandlers } from './core-context';

/**
 * An area that is built on the first call of one of its methods instead of when the core
 * opens. The CLI defers search this way: most commands never search, and loading the
 * bundled search index is the slowest part of opening the core. Building late is safe for
 * an area that reads the workspace's current state when it is built (search does), since
 * it then starts from everything the other areas changed meanwhile.
 */
export function deferredArea<Methods extends Record<string, unknown>>(methods: Methods, build: () => Promise<Area<Methods>>): Area<Methods> {
  let built: Promise<Area<Methods>> | undefined;
  const area = () => (built ??= build());
  const handlers: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(methods)) {
    handlers[name] = async (args) => {
      const handler = (await area()).handlers[name as keyof AreaHandlers<Methods>] as unknown as (args: unknown) => unknown;
      return handler(args);
    };
  }
  return {
    handlers: handlers as unknown as AreaHandlers<Methods>,
    close: async () => {
      if (built) await (await built).close?.();
    },
  };
}
