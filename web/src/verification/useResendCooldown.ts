import { useCallback, useMemo, useState } from 'react';
import { isApiError } from '../lib/api';
import { refusalResendAt, resolveInstant, withSecondsLeft } from './countdown';
import { useCountdown } from './useCountdown';

export interface ResendCooldown {
  /** Whole seconds until sending is allowed again (0: now). */
  secondsLeft: number;
  /** After a server refusal: its words with the seconds counting down; null once the wait is over. */
  notice: string | null;
  /**
   * Whether the wait concerns this address or number: the server counts per target, so typing another
   * one may send at once. True when the wait was started without a target.
   */
  appliesTo: (target: string) => boolean;
  /** A send succeeded: the answer's `resendAfter` starts the wait. */
  sent: (resendAfter: string | number | null | undefined, target?: string) => void;
  /** A send failed: true (and the countdown runs) when it was RESEND_TOO_SOON, false for anything else. */
  refused: (error: unknown, target?: string) => boolean;
}

interface State {
  at: number | null;
  refusal: string | null;
  target: string | null;
}

const sameTarget = (value: string) => value.trim().toLowerCase();

/**
 * The one 重新發送 cooldown of every page that sends a code (備用信箱, 簡訊, 綁定, 臨時密碼): the wait
 * starts from the send's `resendAfter` or from the server's refusal (which carries the seconds, so a
 * reloaded page that sends again counts down too), and the button and the message count together.
 */
export function useResendCooldown(initialResendAfter?: string | number | null): ResendCooldown {
  const [state, setState] = useState<State>(() => ({
    at: resolveInstant(initialResendAfter, Date.now()),
    refusal: null,
    target: null,
  }));
  const secondsLeft = useCountdown(state.at);

  const sent = useCallback(
    (resendAfter: string | number | null | undefined, target?: string) =>
      setState({ at: resolveInstant(resendAfter, Date.now()), refusal: null, target: target ? sameTarget(target) : null }),
    [],
  );
  const refused = useCallback((error: unknown, target?: string) => {
    if (!isApiError(error)) return false;
    const at = refusalResendAt(error, Date.now());
    if (at === null) return false;
    setState({ at, refusal: error.message, target: target ? sameTarget(target) : null });
    return true;
  }, []);

  return useMemo(
    () => ({
      secondsLeft,
      notice: state.refusal && secondsLeft > 0 ? withSecondsLeft(state.refusal, secondsLeft) : null,
      appliesTo: (target: string) => state.target === null || state.target === sameTarget(target),
      sent,
      refused,
    }),
    [secondsLeft, state.refusal, state.target, sent, refused],
  );
}
