import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** Whoever shows the reader decides how an outside link is confirmed and opened. */
export const AskToOpenContext = createContext<(url: string) => void>(() => {});

/** An outside address, shown in full and opened only after the reader confirms. */
export function ExternalLink({ url, children }: { url: string; children?: ReactNode }) {
  const ask = useContext(AskToOpenContext);
  return (
    <a
      href={url}
      className="external-link"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        ask(url);
      }}
    >
      {children ?? url}
    </a>
  );
}
