import { describe, expect, it } from 'vitest';
import { commonName, LAST_ERROR, pinError, RET, signerProblem } from './citizenCertSigner';

describe('signerProblem: what the person reads for a component answer', () => {
  it('counts down the PIN tries as the card does, then says the card is locked', () => {
    expect(signerProblem(RET.LOGIN_FAILED, LAST_ERROR.TWO_LEFT)).toMatchObject({
      problem: 'wrong-pin',
      message: 'PIN 碼錯誤，剩餘兩次機會（連續錯誤 3 次將鎖卡）',
    });
    expect(signerProblem(RET.LOGIN_FAILED, LAST_ERROR.ONE_LEFT)).toMatchObject({
      problem: 'wrong-pin',
      message: 'PIN 碼錯誤，剩餘一次機會（再錯一次將鎖卡）',
    });
    expect(signerProblem(RET.LOGIN_FAILED, LAST_ERROR.PIN_LOCKED)).toMatchObject({
      problem: 'locked',
      message: 'PIN 碼錯誤次數過多，自然人憑證已鎖卡，請攜帶自然人憑證至戶政事務所辦理解鎖。',
    });
  });

  it('tells an empty reader and an untrusted site apart, also when the code comes negative', () => {
    expect(signerProblem(RET.NO_CARD).problem).toBe('no-card');
    expect(signerProblem(RET.NO_CARD).message).toBe('請確認讀卡機已插入自然人憑證。');
    expect(signerProblem(RET.UNTRUSTED_SITE - 0x1_0000_0000).problem).toBe('untrusted');
  });

  it('names an unknown code in hex instead of hiding it', () => {
    expect(signerProblem(0x76300004).message).toBe('自然人憑證簽章失敗，請重新插入卡片後再試。（錯誤代碼 0x76300004）');
  });
});

describe('pinError', () => {
  it('takes 6 to 8 digits only', () => {
    expect(pinError('')).toBe('請輸入 PIN 碼');
    expect(pinError('12345')).toBe('PIN 碼為 6 至 8 位數字');
    expect(pinError('12345a')).toBe('PIN 碼為 6 至 8 位數字');
    expect(pinError('123456789')).toBe('PIN 碼為 6 至 8 位數字');
    expect(pinError('123456')).toBeNull();
    expect(pinError('12345678')).toBeNull();
  });
});

describe('commonName', () => {
  it('reads the holder out of the subject DN', () => {
    expect(commonName('CN=陳志明,C=TW')).toBe('陳志明');
    expect(commonName('C=TW, CN=林怡君')).toBe('林怡君');
    expect(commonName(undefined)).toBe('');
  });
});
