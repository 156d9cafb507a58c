import { describe, expect, it } from 'vitest';
import { nationalIdCheckDigit } from '../../../../domain/national-id';
import { ApiError } from '../../lib/api';
import type { MyApplication } from '../../lib/api';
import {
  EMPTY_VALUES,
  firstInvalid,
  isVerificationExpired,
  submissionErrors,
  validateAmendment,
  validateApplication,
  valuesFromApplication,
  type ApplicationFormValues,
} from './validation';

const ID = `A12345678${nationalIdCheckDigit('A12345678')}`;

const filled: ApplicationFormValues = {
  nationalId: ID.toLowerCase(),
  account: 'Wang_01',
  needOfficialMail: false,
  name: '  王  小明 ',
  organizationCode: 'G01-01',
  title: '科員',
  officePhone: '299-1111',
  officeExt: '',
  remark: '',
};

describe('帳號申請表單 validation (shared schema)', () => {
  it('gives the normalised body for a complete form', () => {
    const result = validateApplication(filled);
    expect(result).toEqual({
      ok: true,
      data: {
        nationalId: ID,
        account: 'wang_01',
        needOfficialMail: false,
        name: '王 小明',
        organizationCode: 'G01-01',
        title: '科員',
        officePhone: '2991111',
        officeExt: null,
        remark: null,
      },
    });
  });

  it('gives one zh-TW message per field of an empty form, first field first', () => {
    const result = validateApplication(EMPTY_VALUES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      nationalId: '請輸入身分證字號',
      account: '請輸入登入帳號',
      needOfficialMail: '請選擇是否需要公務郵件',
      name: '請輸入您的真實姓名',
      organizationCode: '請選擇機關單位',
      title: '請輸入職稱',
      officePhone: '請輸入公務電話',
    });
    expect(result.errors.officeExt).toBeUndefined();
    expect(firstInvalid(result.errors)).toBe('nationalId');
  });

  it('rejects an account made of the ID number', () => {
    const result = validateApplication({ ...filled, account: ID.toLowerCase() });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.account).toBe('請勿使用身分證號作為登入帳號');
  });

  it('validates the amendment without the (masked) ID number', () => {
    const result = validateAmendment({ ...filled, nationalId: 'A12****789' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).not.toHaveProperty('nationalId');
    const bad = validateAmendment({ ...filled, officePhone: '062991111' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(firstInvalid(bad.errors)).toBe('officePhone');
  });

  it('opens the amendment on the saved application', () => {
    const saved = {
      id: 'a1',
      account: 'wang_01',
      name: '王小明',
      organization: { code: 'G01-01', pathLabel: '秘書處-總務科' },
      status: 'PENDING',
      statusLabel: '待機關管理者審核',
      statusExplanation: '',
      submittedAt: '2024-07-22T02:00:00Z',
      canAmend: true,
      events: [],
      nationalId: 'A12****789',
      needOfficialMail: true,
      title: '科員',
      officePhone: '2991111',
      officeExt: null,
      remark: null,
    } satisfies MyApplication;
    expect(valuesFromApplication(saved)).toEqual({
      nationalId: 'A12****789',
      account: 'wang_01',
      needOfficialMail: true,
      name: '王小明',
      organizationCode: 'G01-01',
      title: '科員',
      officePhone: '2991111',
      officeExt: '',
      remark: '',
    });
  });
});

describe('server answers on the form', () => {
  it('puts VALIDATION_FAILED fields on their fields', () => {
    const error = ApiError.fromBody(400, {
      error: { code: 'VALIDATION_FAILED', message: '輸入資料有誤', fields: { officePhone: '公務電話格式錯誤', other: '怪欄位' } },
    });
    expect(submissionErrors(error)).toEqual({ fields: { officePhone: '公務電話格式錯誤' }, message: '怪欄位' });
  });

  it('puts ACCOUNT_TAKEN on 登入帳號 and NATIONAL_ID_IN_USE on 身分證號', () => {
    expect(submissionErrors(ApiError.fromBody(409, { error: { code: 'ACCOUNT_TAKEN', message: '此帳號已被使用' } }))).toEqual({
      fields: { account: '此帳號已被使用' },
      message: null,
    });
    const inUse = ApiError.fromBody(409, {
      error: { code: 'NATIONAL_ID_IN_USE', message: '衝突', fields: { nationalId: '此身分證字號已有帳號或申請中的案件' } },
    });
    expect(submissionErrors(inUse)).toEqual({ fields: { nationalId: '此身分證字號已有帳號或申請中的案件' }, message: null });
  });

  it('keeps other failures at the top of the form', () => {
    expect(submissionErrors(new ApiError(0, 'NETWORK_ERROR', '無法連線到伺服器'))).toEqual({
      fields: {},
      message: '無法連線到伺服器',
    });
    expect(submissionErrors(new Error('x')).message).toBe('系統發生錯誤，請稍後再試');
  });

  it('recognises an expired verification', () => {
    expect(isVerificationExpired(new ApiError(401, 'UNAUTHENTICATED', '請重新驗證'))).toBe(true);
    expect(isVerificationExpired(new ApiError(409, 'ACCOUNT_TAKEN', 'x'))).toBe(false);
  });
});
