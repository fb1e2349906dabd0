import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

/** Goes to a page of the console without reloading it (the session lives in memory). */
export function navigate(path: string): void {
  if (location.pathname !== path) history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

addEventListener('popstate', () => listeners.forEach((l) => l()));

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return path;
}
