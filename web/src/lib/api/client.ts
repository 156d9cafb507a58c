// The only place the SPA calls fetch: same-origin, with the session cookie, JSON in and out.
import { ApiError } from './ApiError';
import { messageForCode } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. X-Verification-Token of the public application pages. */
  headers?: Readonly<Record<string, string>>;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called when any request (other than the session probe) answers 401: the session has ended. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', messageForCode('NETWORK_ERROR'));
  }

  const body: unknown = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) {
    const error = ApiError.fromBody(response.status, body);
    // A 401 on a request authorised by a verification token (public application pages) is about that
    // token, not the session.
    const byToken =
      options.headers !== undefined && ('X-Verification-Token' in options.headers || 'X-Identity-Proof' in options.headers);
    if (response.status === 401 && path !== '/api/session' && !byToken) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!response.ok) return undefined;
    throw new ApiError(response.status, 'INVALID_RESPONSE', messageForCode('INVALID_RESPONSE'));
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
