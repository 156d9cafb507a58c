// A page of a server-paged list as the API answers it: `page`/`pageSize` lists give `total`; the
// console inboxes add the cursors of the neighbouring pages and stop counting at 1,000 (`totalCapped`).

export interface PagedAnswer<T> {
  items: T[];
  total: number;
  totalCapped?: boolean;
  nextCursor?: string | null;
  prevCursor?: string | null;
}

/** 「37」, 「1,000+」 when the server stopped counting. */
export function totalLabel(total: number, capped = false): string {
  return capped ? `${total.toLocaleString('en-US')}+` : String(total);
}
