import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../lib/api';
import type { Captcha } from '../lib/api';
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
  const [version, setVersion] = useState(0);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let renew: ReturnType<typeof setTimeout> | undefined;
    requestCaptcha(controller.signal).then(
      (next) => {
        setCaptcha(next);
        setError(null);
        setLoading(false);
        renew = setTimeout(() => setVersion((value) => value + 1), CAPTCHA_REFRESH_MS);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setCaptcha(null);
        setError(errorMessage(cause));
        setLoading(false);
      },
    );
    return () => {
      controller.abort();
      if (renew) clearTimeout(renew);
    };
  }, [version]);

  const refresh = useCallback(() => {
    setLoading(true);
    setVersion((value) => value + 1);
  }, []);

  return { captcha, loading, error, refresh };
}
