import { useSearchParams } from 'react-router';

/**
 * The page's query string, and a way to change some of its keys at once: a value sets the key, an
 * empty value or null removes it, the other keys stay.
 */
export function useSearchParamsPatch() {
  const [params, setParams] = useSearchParams();
  const patch = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return [params, patch] as const;
}
