// A third system (應用系統) signing in through 臺南市政府單一帳號認證平台 with a standard OpenID Connect
// client library (openid-client): discovery, authorization code + PKCE, ID token validation, userinfo,
// refresh token, RP-initiated logout. The end-to-end tests use it to prove other systems can use the SSO.
//
//   DEMO_RP_URL=http://127.0.0.1:3003 DEMO_RP_ISSUER=http://127.0.0.1:5173/oidc \
//   DEMO_RP_CLIENT_ID=demo-rp DEMO_RP_CLIENT_SECRET=… node --import tsx examples/demo-rp/server.ts
import crypto from 'node:crypto';
import express from 'express';
import * as oidc from 'openid-client';

const selfUrl = required('DEMO_RP_URL');
const issuer = new URL(required('DEMO_RP_ISSUER'));
const clientId = process.env.DEMO_RP_CLIENT_ID ?? 'demo-rp';
const clientSecret = required('DEMO_RP_CLIENT_SECRET');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} 未設定 (required)`);
  return value;
}

const config = await oidc.discovery(issuer, clientId, clientSecret, undefined, {
  execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
});

interface Login {
  verifier?: string;
  state?: string;
  nonce?: string;
  tokens?: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  userinfo?: oidc.UserInfoResponse;
  refreshedAt?: string;
  maxAge?: number;
}
const sessions = new Map<string, Login>();

const app = express();
app.use((req, res, next) => {
  let sid = /(?:^|;\s*)demo_rp=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sid || !sessions.has(sid)) {
    sid = crypto.randomUUID();
    sessions.set(sid, {});
    res.cookie('demo_rp', sid, { httpOnly: true, sameSite: 'lax' });
  }
  res.locals.login = sessions.get(sid)!;
  res.locals.sid = sid;
  next();
});

const escape = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (body: string) =>
  `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>示範應用系統</title>
<style>body{font-family:"Noto Sans TC",sans-serif;max-width:720px;margin:40px auto;padding:0 16px}pre{background:#f4f4f4;padding:12px;overflow:auto}
a.button{display:inline-block;background:#0b5cad;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none;margin-right:8px}</style>
</head><body><h1>示範應用系統（單一登入）</h1>${body}</body></html>`;

app.get('/', (_req, res) => {
  const login: Login = res.locals.login;
  if (!login.tokens) {
    return res.send(page(`<p>尚未登入。</p><p><a class="button" href="/login">以臺南市政府單一帳號登入</a></p>`));
  }
  const claims = login.tokens.claims();
  res.send(
    page(`<p id="who">已登入：${escape(login.userinfo?.name)}（${escape(login.userinfo?.preferred_username)}）</p>
<p id="org">服務單位：${escape(login.userinfo?.organization_name)}</p>
<h2>ID Token</h2><pre id="id-token">${escape(JSON.stringify(claims, null, 2))}</pre>
<h2>UserInfo</h2><pre id="userinfo">${escape(JSON.stringify(login.userinfo, null, 2))}</pre>
<p id="refresh-state">${login.refreshedAt ? `已更新權杖：${escape(login.refreshedAt)}` : ''}</p>
<p><a class="button" href="/refresh">更新權杖</a><a class="button" href="/logout">登出</a></p>`),
  );
});

// `?acr_values=…&max_age=…` pass through, so a test (or a person) can ask for a certificate login or a
// fresh one and read acr / amr / auth_time in the ID token below.
app.get('/login', async (req, res) => {
  const login: Login = res.locals.login;
  const extra = Object.fromEntries(
    (['acr_values', 'max_age'] as const).flatMap((name) =>
      typeof req.query[name] === 'string' ? [[name, req.query[name]]] : [],
    ),
  );
  login.maxAge = extra.max_age !== undefined ? Number(extra.max_age) : undefined;
  login.verifier = oidc.randomPKCECodeVerifier();
  login.state = oidc.randomState();
  login.nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${selfUrl}/callback`,
    scope: 'openid profile email organization offline_access',
    prompt: 'consent',
    code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier),
    code_challenge_method: 'S256',
    state: login.state,
    nonce: login.nonce,
    ...extra,
  });
  res.redirect(url.href);
});

app.get('/callback', async (req, res) => {
  const login: Login = res.locals.login;
  try {
    login.tokens = await oidc.authorizationCodeGrant(config, new URL(req.originalUrl, selfUrl), {
      pkceCodeVerifier: login.verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
      // openid-client then checks auth_time against max_age itself.
      ...(login.maxAge !== undefined ? { maxAge: login.maxAge } : {}),
    });
    login.userinfo = await oidc.fetchUserInfo(config, login.tokens.access_token, login.tokens.claims()!.sub);
    res.redirect('/');
  } catch (error) {
    res.status(400).send(page(`<p id="error">登入失敗：${escape((error as Error).message)}</p><p><a href="/">返回</a></p>`));
  }
});

app.get('/refresh', async (_req, res) => {
  const login: Login = res.locals.login;
  if (!login.tokens?.refresh_token) return res.redirect('/');
  const idToken = login.tokens.id_token;
  login.tokens = await oidc.refreshTokenGrant(config, login.tokens.refresh_token);
  if (!login.tokens.id_token && idToken) Object.assign(login.tokens, { id_token: idToken });
  login.refreshedAt = new Date().toISOString();
  res.redirect('/');
});

app.get('/logout', (_req, res) => {
  const login: Login = res.locals.login;
  const idToken = login.tokens?.id_token;
  sessions.delete(res.locals.sid);
  const url = oidc.buildEndSessionUrl(config, {
    post_logout_redirect_uri: `${selfUrl}/`,
    ...(idToken ? { id_token_hint: idToken } : { client_id: clientId }),
  });
  res.redirect(url.href);
});

const { hostname, port } = new URL(selfUrl);
app.listen(Number(port), hostname, () => console.log(`demo-rp listening on ${selfUrl} (issuer ${issuer.href})`));
