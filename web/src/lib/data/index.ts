// The web data layer: reads (useResource), server-paged lists (usePagedList) and writes (useMutation).
export { useResource, type Resource, type ResourceOptions, type ResourceSource } from './useResource';
export { usePagedList, type PagedList } from './usePagedList';
export { useMutation, type MutationState } from './useMutation';
export { totalLabel, type PagedAnswer } from './paged';
export type { Loader } from './resource';
