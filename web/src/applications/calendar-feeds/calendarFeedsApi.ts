// 行事曆訂閱's calls to /api/calendar-feeds (docs/api/bookings.md › Calendar feeds).
import { api } from '../../lib/api';

export type ResourceKind = 'VENUE' | 'CAR' | 'DRIVER';

export interface CalendarFeed {
  id: string;
  /** 我的借用, or the venue, car or driver (場地名稱; 車型 車號; 派遣司機 姓名). */
  label: string;
  resourceId: string | null;
  kind: ResourceKind | null;
  createdAt: string;
}

export interface SubscribableResource {
  id: string;
  kind: ResourceKind;
  label: string;
}

export const calendarFeedsApi = {
  list: (signal: AbortSignal) => api.get<{ items: CalendarFeed[] }>('/api/calendar-feeds', { signal }),
  resources: (signal: AbortSignal) => api.get<{ items: SubscribableResource[] }>('/api/calendar-feeds/resources', { signal }),
  /** The address is in this answer only: the server keeps its hash. */
  create: (input: { resourceId?: string }) => api.post<{ id: string; url: string }>('/api/calendar-feeds', input),
  revoke: (id: string) => api.delete<void>(`/api/calendar-feeds/${encodeURIComponent(id)}`),
};
