import { useEffect, useState } from 'react';
import { parseHash } from './routes';
import type { Route } from './routes';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}
