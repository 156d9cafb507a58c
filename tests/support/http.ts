import { e2e } from './env';
import { noteExchange } from './issued';

/** Cookies by name, like a browser's jar for one site (paths ignored: extra cookies are harmless here). */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    store(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) <= new Date());
        if (!value || expired || attributes.some((a) => /^\s*max-age=0/i.test(a))) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    get: (name: string) => cookies.get(name),
    set: (name: string, value: string) => void cookies.set(name, value),
  };
}

export interface LoginOutcome {
  /** 200 when the portal session exists, else the status of the SSO's answer. */
  status: number;
  /** The portal's session user (200) or the SSO's error body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes; each test asserts what it reads
  body: any;
  /** Where the browser ended after the SSO sent it back (the portal's return path). */
  landedOn?: URL;
}

/**
 * A tiny cookie-keeping HTTP client for the running API, like a browser session. `login` goes the
 * whole OpenID Connect way a browser goes: portal → /oidc/auth → the SSO's login step → back to the
 * portal's callback → portal session.
 */
export function apiSession(baseUrl = e2e.baseUrl(), options: { headers?: Record<string, string> } = {}) {
  const jar = cookieJar();

  async function raw(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(url, baseUrl), {
      method,
      redirect: 'manual',
      headers: {
        ...options.headers,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(jar.header() ? { cookie: jar.header() } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    jar.store(response);
    return response;
  }

  async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const response = await raw(method, path, body, headers);
    const text = await response.text();
    const answer = text ? JSON.parse(text) : null;
    noteExchange(path, body, answer, jar.header, response.status < 400);
    return { status: response.status, body: answer, headers: response.headers };
  }

  /** Follows redirects by hand (keeping cookies) until a non-redirect answer or `stopAt` matches the URL. */
  async function follow(url: string, stopAt?: (url: URL) => boolean) {
    let next = new URL(url, baseUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (stopAt?.(next)) return next;
      const response = await raw('GET', next.href);
      const location = response.headers.get('location');
      await response.arrayBuffer();
      if (response.status < 300 || response.status >= 400 || !location) return next;
      next = new URL(location, next);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  async function captcha() {
    const { id } = (await call('POST', '/api/captcha')).body as { id: string };
    const { answer } = (await call('GET', `/dev/captcha/${id}`)).body as { answer: string };
    return { captchaId: id, captchaAnswer: answer };
  }

  /** Starts the portal's login: the SSO interaction id the browser would land on. */
  async function startLogin(returnTo = '/home', authorizeUrl?: string) {
    const landed = await follow(authorizeUrl ?? `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`, (url) =>
      url.pathname.startsWith('/login/sso/'),
    );
    const uid = landed.pathname.split('/').pop();
    if (!uid || !landed.pathname.startsWith('/login/sso/')) throw new Error(`no SSO login step (landed on ${landed.href})`);
    return uid;
  }

  /** POSTs a login method's form; on success follows the SSO back to the portal (or the relying party). */
  async function finishLogin(uid: string, slug: string, body: unknown): Promise<LoginOutcome> {
    const answer = await call('POST', `/api/sso/interaction/${uid}/${slug}`, body);
    if (answer.status !== 200 || !answer.body?.redirectTo) return answer;
    const landedOn = await follow(answer.body.redirectTo);
    const session = await call('GET', '/api/session');
    return { ...session, landedOn };
  }

  /** 登出: the SPA's POST, which ends the portal session and the SSO session at once. */
  const logout = () => call('POST', '/api/auth/logout');

  return {
    jar,
    logout,
    call,
    follow,
    captcha,
    startLogin,
    finishLogin,
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    /** The raw answer of a GET (a file download such as 匯出 Excel). */
    download: (path: string, headers?: Record<string, string>) => raw('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body ?? {}, headers),
    put: (path: string, body?: unknown) => call('PUT', path, body ?? {}),
    patch: (path: string, body?: unknown) => call('PATCH', path, body ?? {}),
    delete: (path: string) => call('DELETE', path),
    /** 一般登入 through the SSO, reading the captcha like a person reads the image (development/test route). */
    login: async (account: string, password = e2e.password()): Promise<LoginOutcome> => {
      const uid = await startLogin();
      return finishLogin(uid, 'password', { account, password, ...(await captcha()) });
    },
  };
}

export type ApiSession = ReturnType<typeof apiSession>;

/** A session logged in as `account` with the demo password; a login that does not succeed fails the test. */
export async function loggedInSession(account: string): Promise<ApiSession> {
  const s = apiSession();
  const login = await s.login(account, e2e.password());
  if (login.status !== 200) throw new Error(`login of ${account} failed (${login.status}): ${JSON.stringify(login.body)}`);
  return s;
}
