import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../lib/api';
import type { InboxApi, InboxItem, InboxList } from './api';

interface Fetched<T extends InboxItem> {
  key: string;
  value?: InboxList<T>;
  error?: string;
}

/** One page of an inbox for the query string `search`; `reload` asks again. */
export function useInboxList<T extends InboxItem>(list: InboxApi<T>['list'], search: string) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Fetched<T> | null>(null);
  // The last answer stays on screen while the next page loads (no flashing empty grid).
  const [shown, setShown] = useState<InboxList<T>>({ items: [], total: 0 });
  const key = `${search}#${version}`;

  useEffect(() => {
    const controller = new AbortController();
    list(search, controller.signal).then(
      (value) => {
        setResult({ key, value });
        setShown(value);
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setResult({ key, error: errorMessage(cause) });
      },
    );
    return () => controller.abort();
  }, [list, search, key]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const current = result?.key === key ? result : null;
  return { list: shown, loading: !current, error: current?.error ?? null, reload };
}
