import type { DependencyList } from 'react';
import { totalLabel, type PagedAnswer } from './paged';
import { useResource, type ResourceSource } from './useResource';

export interface PagedList<P extends PagedAnswer<unknown>> {
  /** The whole answer of the page shown (null before the first one). */
  page: P | null;
  items: P['items'];
  total: number;
  totalCapped: boolean;
  /** 「37」 or 「1,000+」. */
  totalLabel: string;
  nextCursor: string | null;
  prevCursor: string | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * One page of a server-paged list: read whenever the path (or `deps`) changes — page, page size,
 * filters and cursors are in it — with the previous page kept on screen while the next one loads.
 */
export function usePagedList<P extends PagedAnswer<unknown>>(source: ResourceSource<P>, deps: DependencyList = []): PagedList<P> {
  const { data, loading, error, reload } = useResource<P>(source, deps, { keepPrevious: true });
  return {
    page: data,
    items: data?.items ?? [],
    total: data?.total ?? 0,
    totalCapped: data?.totalCapped ?? false,
    totalLabel: totalLabel(data?.total ?? 0, data?.totalCapped ?? false),
    nextCursor: data?.nextCursor ?? null,
    prevCursor: data?.prevCursor ?? null,
    loading,
    error,
    reload,
  };
}
