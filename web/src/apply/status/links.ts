/**
 * The in-app path of a link the API gives (e.g. statusUrl, which may be absolute because it is also
 * mailed): a same-origin address becomes a router path; anything else stays an address (null).
 */
export function inAppPath(url: string, origin: string): string | null {
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return url;
  try {
    const parsed = new URL(url);
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
  } catch {
    return null;
  }
}

/** The status page of an application: its own path, with the mailed key when there is one. */
export function statusPath(id: string, key?: string | null): string {
  const path = `/apply/account/status/${encodeURIComponent(id)}`;
  return key ? `${path}?${new URLSearchParams({ key })}` : path;
}
