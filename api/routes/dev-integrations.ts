import express, { Router } from 'express';
import { z } from 'zod';
import { DEMO_REDIRECT_CLIENT_ID, DEMO_REDIRECT_PARAM, demoIntegrationSecret } from '../../prisma/seed-integrations';
import { INTEGRATIONS_MOUNT } from '../integrations/routes';
import { inputGuard } from '../input-guard';
import { formBody } from '../request-body';

// The form the portal's 轉登 page posts (api/integrations/redirect-login.ts autoPostPage).
const demoForm = formBody(z.object({ [DEMO_REDIRECT_PARAM]: z.string().max(4096).optional() }));

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"Noto Sans TC",sans-serif;margin:3rem auto;max-width:36rem;padding:0 1rem;color:#1f2937}dt{font-weight:600}dd{margin:0 0 .5rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/**
 * 示範系統（轉登）: what a registered system's 轉登 handler does (development and tests only). It
 * receives the assertion the portal posted, redeems it with its own client credentials over HTTP,
 * exactly as an outside system would, and shows who logged in.
 */
export function devIntegrationRoutes(deps: { publicUrl: string; hashKey: Buffer }) {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  router.post('/redirect-login-demo', form, inputGuard, demoForm, async (req, res) => {
    const assertion = demoForm.of(req)[DEMO_REDIRECT_PARAM] ?? '';
    const credentials = Buffer.from(
      `${DEMO_REDIRECT_CLIENT_ID}:${demoIntegrationSecret(DEMO_REDIRECT_CLIENT_ID, deps.hashKey)}`,
    ).toString('base64');
    const answer = await fetch(new URL(`${INTEGRATIONS_MOUNT}/redirect-login/verify`, deps.publicUrl), {
      method: 'POST',
      headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/json' },
      body: JSON.stringify({ assertion }),
    });
    const body = (await answer.json().catch(() => ({}))) as {
      claims?: Record<string, unknown>;
      error?: { code: string; message: string };
    };
    res.set('cache-control', 'no-store').type('html');
    if (!answer.ok || !body.claims) {
      return void res
        .status(answer.status === 200 ? 502 : answer.status)
        .send(page('示範系統（轉登）：轉登失敗', `<p role="alert">${escapeHtml(body.error?.message ?? '轉登憑證驗證失敗')}</p>`));
    }
    const c = body.claims;
    res.send(
      page(
        '示範系統（轉登）：轉登成功',
        `<p>歡迎，${escapeHtml(c.name)}。</p><dl>
<dt>登入帳號</dt><dd data-claim="preferred_username">${escapeHtml(c.preferred_username)}</dd>
<dt>服務機關</dt><dd data-claim="organization_name">${escapeHtml(c.organization_name)}</dd>
<dt>使用者識別碼（sub）</dt><dd data-claim="sub">${escapeHtml(c.sub)}</dd>
</dl>`,
      ),
    );
  });
  return router;
}
