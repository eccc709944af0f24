import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { createQueryClient, invalidateOnChangeEvents } from './query-client';

/** Gives every view the shared cache, kept fresh by core's change events. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  useEffect(() => invalidateOnChangeEvents(client), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
