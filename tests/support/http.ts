import { e2e } from './env';

/** A tiny cookie-keeping HTTP client for the running API, like a browser session. */
export function apiSession(baseUrl = e2e.baseUrl()) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    delete: (path: string) => call('DELETE', path),
    /** 一般登入, reading the captcha like a person reads the image (development/test route). */
    login: async (account: string, password = e2e.password()) => {
      const captcha = (await call('POST', '/api/captcha')).body as { id: string };
      const { answer } = (await call('GET', `/dev/captcha/${captcha.id}`)).body as { answer: string };
      return call('POST', '/api/session', { account, password, captchaId: captcha.id, captchaAnswer: answer });
    },
  };
}
