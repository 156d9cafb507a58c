import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';

// The few pages oidc-provider renders itself (errors, the logout step), in the portal's language.
// Everything a person fills in (login, 授權) is the SPA's.

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-Hant-TW"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} - 臺南市政府單一帳號認證平台</title>
<style>body{font-family:"Noto Sans TC","Microsoft JhengHei",sans-serif;background:#f4f6f8;color:#1c2833;margin:0}
main{max-width:520px;margin:10vh auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin:0 0 16px}button,a.button{font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px;padding:10px 20px;cursor:pointer;text-decoration:none;display:inline-block}
p{line-height:1.7}</style></head><body><main>${body}</main></body></html>`;

const ERROR_TEXT: Record<string, string> = {
  invalid_request: '登入請求的參數有誤',
  invalid_client: '此應用系統尚未註冊或已停用',
  invalid_redirect_uri: '應用系統的返回網址未經註冊',
  unauthorized_client: '此應用系統未獲授權使用此登入方式',
  access_denied: '您已拒絕授權',
  login_required: '請先登入',
  consent_required: '需要您的授權',
  invalid_scope: '應用系統要求的資料範圍未經核准',
  server_error: '系統發生錯誤，請稍後再試',
};

export async function errorPage(ctx: KoaContextWithOIDC, out: ErrorOut) {
  const code = String(out.error ?? 'server_error');
  ctx.type = 'html';
  ctx.body = page(
    '登入發生問題',
    `<h1>登入發生問題</h1><p>${escape(ERROR_TEXT[code] ?? '登入請求無法處理')}（${escape(code)}）</p>
<p><a class="button" href="/">回臺南市政府公務入口網</a></p>`,
  );
}

/**
 * RP-initiated logout: the form oidc-provider needs confirmed, sent only by the person's click on
 * 確定登出 — a page that submitted itself would let any site end the SSO session by linking here.
 */
export async function logoutPage(ctx: KoaContextWithOIDC, form: string) {
  ctx.type = 'html';
  ctx.body = page(
    '登出',
    `<h1>登出</h1><p>您將登出臺南市政府單一帳號認證平台。</p>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><button type="submit">確定登出</button></form>')}`,
  );
}

export async function postLogoutPage(ctx: KoaContextWithOIDC) {
  ctx.type = 'html';
  ctx.body = page('已登出', `<h1>您已登出</h1><p><a class="button" href="/">回臺南市政府公務入口網</a></p>`);
}
