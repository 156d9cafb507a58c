import { useCallback, useEffect } from 'react';
import type { Captcha } from '../lib/api';
import { useResource } from '../lib/data';
import { requestCaptcha } from './api';
import { CAPTCHA_REFRESH_MS } from './captcha';

export interface CaptchaState {
  captcha: Captcha | null;
  loading: boolean;
  error: string | null;
  /** Fetches a new image (「換一張」, and after every use: a captcha is single use). */
  refresh: () => void;
}

/** An image captcha from POST /api/captcha, renewed before it expires. */
export function useCaptcha(): CaptchaState {
  const { data, error, loading, reload } = useResource(requestCaptcha);
  const refresh = useCallback(() => void reload(), [reload]);

  useEffect(() => {
    if (!data) return undefined;
    const renew = setTimeout(refresh, CAPTCHA_REFRESH_MS);
    return () => clearTimeout(renew);
  }, [data, refresh]);

  // The image shown until the next one arrives; none after a failure.
  return { captcha: error ? null : data, loading, error, refresh };
}
