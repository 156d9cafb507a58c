import helmet from 'helmet';

/**
 * Security headers on everything oidc-provider answers under /oidc (discovery, errors, the 登出
 * confirmation, form_post answers), which is mounted apart from the SPA's helmet. Its pages are
 * never framed, carry inline <style> only (api/sso/pages.ts), and oidc-provider adds the sha256 of
 * its own form_post script to script-src itself. No form-action: the 確定登出 form is answered with
 * a redirect to a registered system's post_logout_redirect_uri, and form_post posts to a system's
 * redirect_uri — Chromium checks both against form-action.
 */
export function oidcSecurityHeaders(secure: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'frame-ancestors': ["'none'"],
        ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: secure,
  });
}
