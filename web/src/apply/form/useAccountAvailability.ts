import { useCallback, useState } from 'react';
import { accountNameErrors, normalizeAccountName } from '../../../../domain/account-name';
import { errorMessage } from '../../lib/api';
import { checkAccountAvailability } from '../api';

export interface AvailabilityResult {
  /** The normalised account the answer is about. */
  account: string;
  available: boolean;
  message: string;
  /** The check itself failed (network, server): nothing is known about the account. */
  failed?: boolean;
}

/**
 * 檢查帳號: the account rules first (same as the server's, no request for a broken account), then
 * GET account-availability. An answer only counts for the account it was asked about.
 */
export function useAccountAvailability() {
  const [result, setResult] = useState<AvailabilityResult | null>(null);
  const [checking, setChecking] = useState(false);

  const check = useCallback(async (account: string, nationalId: string): Promise<AvailabilityResult> => {
    const normalised = normalizeAccountName(account);
    const broken = accountNameErrors(account, { nationalId });
    if (broken.length > 0) {
      const local = { account: normalised, available: false, message: broken[0]! };
      setResult(local);
      return local;
    }
    setChecking(true);
    try {
      const answer = await checkAccountAvailability(normalised);
      const next = { account: normalised, available: answer.available, message: answer.message };
      setResult(next);
      return next;
    } catch (error) {
      // Not an answer about the account: shown, but not remembered as one.
      setResult(null);
      return { account: normalised, available: false, message: errorMessage(error), failed: true };
    } finally {
      setChecking(false);
    }
  }, []);

  return { result, checking, check };
}

/** The answer to show under 登入帳號: only while the field still holds the account that was checked. */
export function currentAvailability(result: AvailabilityResult | null, account: string): AvailabilityResult | null {
  return result && result.account === normalizeAccountName(account) ? result : null;
}
