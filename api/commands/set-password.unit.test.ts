import type { PrismaClient } from '@prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { hashPassword } from '../../infra/password-hash';
import { checkNewPassword } from './set-password';

/** The two tables checkNewPassword reads: 系統參數 password.historyCount and the user's history, newest first. */
function store(historyCount: string | null, hashes: string[]) {
  return {
    systemParameter: {
      findMany: async () => (historyCount === null ? [] : [{ key: 'password.historyCount', value: historyCount }]),
    },
    passwordHistory: {
      findMany: async ({ take }: { take: number }) => hashes.slice(0, take).map((hash) => ({ hash })),
    },
  } as unknown as PrismaClient;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const user = { id: 'u1', account: 'wangxm', passwordHash: null };
let h1 = '',
  h2 = '',
  h3 = '',
  h4 = '';
beforeAll(async () => {
  const hashes = await Promise.all(['Newest!2026a', 'Second!2026b', 'Third!2026c', 'Fourth!2026d'].map(hashPassword));
  [h1, h2, h3, h4] = hashes as [string, string, string, string];
});

describe('checkNewPassword: 密碼規則', () => {
  it('names every rule a password breaks, with the codes for the live checklist', async () => {
    const error = await refusal(checkNewPassword(store(null, []), user, { password: "abc'", confirmPassword: "abc'" }));
    expect(error.code).toBe('PASSWORD_POLICY');
    expect(error.fields!.password!.split('；')).toEqual([
      '密碼長度至少為8個字元(含)以上，15個字元(含)以下',
      '密碼需包含大寫英文字母',
      '密碼需包含數字',
      '密碼需包含特殊字元（!@#$%^&*~ 其中之一）',
      "密碼不可包含 ' 符號",
    ]);
    expect(error.details).toEqual({ violations: ['LENGTH', 'UPPER', 'DIGIT', 'SPECIAL', 'QUOTE'] });
  });

  it('refuses the account name inside the password, in any case', async () => {
    const error = await refusal(
      checkNewPassword(store(null, []), user, { password: 'WangXM!2026', confirmPassword: 'WangXM!2026' }),
    );
    expect(error.fields!.password).toBe('密碼不可與帳號名稱相同，也不可包含帳號名稱');
  });

  it('reports an empty password and a mismatch under the form’s own field names', async () => {
    const empty = await refusal(
      checkNewPassword(
        store(null, []),
        user,
        { password: '', confirmPassword: 'x' },
        { password: 'newPassword', confirm: 'confirmPassword' },
      ),
    );
    expect(empty.fields).toEqual({ newPassword: '請輸入新密碼', confirmPassword: '兩次輸入的密碼不一致' });
    const mismatch = await refusal(
      checkNewPassword(store(null, []), user, { password: 'Good!2026a', confirmPassword: 'Good!2026b' }),
    );
    expect(mismatch.code).toBe('VALIDATION_FAILED');
    expect(mismatch.fields).toEqual({ confirmPassword: '兩次輸入的密碼不一致' });
  });
});

describe('checkNewPassword: password history (系統參數 密碼歷史筆數)', () => {
  it('refuses any of the last three by default and accepts the fourth', async () => {
    const history = store(null, [h1, h2, h3, h4]);
    for (const old of ['Newest!2026a', 'Second!2026b', 'Third!2026c']) {
      const error = await refusal(checkNewPassword(history, user, { password: old, confirmPassword: old }));
      expect(error).toMatchObject({ code: 'PASSWORD_REUSED', message: '新密碼不可與最近 3 次使用過的密碼相同' });
    }
    await expect(checkNewPassword(history, user, { password: 'Fourth!2026d', confirmPassword: 'Fourth!2026d' })).resolves.toBe(
      'Fourth!2026d',
    );
  });

  it('follows the parameter: 1 compares with the newest only, 0 turns the rule off', async () => {
    const one = store('1', [h1, h2]);
    expect(
      (await refusal(checkNewPassword(one, user, { password: 'Newest!2026a', confirmPassword: 'Newest!2026a' }))).message,
    ).toBe('新密碼不可與最近 1 次使用過的密碼相同');
    await expect(
      checkNewPassword(one, user, { password: 'Second!2026b', confirmPassword: 'Second!2026b' }),
    ).resolves.toBeTruthy();
    await expect(
      checkNewPassword(store('0', [h1]), user, { password: 'Newest!2026a', confirmPassword: 'Newest!2026a' }),
    ).resolves.toBeTruthy();
  });

  it('counts the current password even when it predates the history', async () => {
    const error = await refusal(
      checkNewPassword(
        store(null, []),
        { ...user, passwordHash: h4 },
        { password: 'Fourth!2026d', confirmPassword: 'Fourth!2026d' },
      ),
    );
    expect(error.code).toBe('PASSWORD_REUSED');
  });
});
