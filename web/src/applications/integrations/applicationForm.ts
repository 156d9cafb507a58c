import type { ReactNode } from 'react';
import { claimLabel, type IntegrationActionCode, type ServiceKind } from '../../../../domain/integrations/services';
import type { NamedAgency } from '../../common/AgencyListPicker';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The form as sent, as labelled rows in the manual's words (審核紀錄 and the printed 申請單). */
export function applicationFormRows(
  kind: ServiceKind,
  action: IntegrationActionCode,
  form: Record<string, unknown>,
  agencies: readonly NamedAgency[],
): [string, ReactNode][] {
  if (action !== 'APPLY') return [['申請原因', text(form.reason)]];
  const claims: [string, ReactNode] = ['所需拋回的資料', ['帳號識別碼', ...strings(form.claims).map(claimLabel)].join('、')];
  const description: [string, ReactNode] = ['申請說明', text(form.description)];
  switch (kind) {
    case 'SSO':
      return [claims, ['驗證處理常式含參數名稱', strings(form.redirectUris).join('\n')], description];
    case 'VERIFY':
      return [claims, ['驗證處理常式含參數名稱', text(form.handler)], description];
    case 'REDIRECT':
      return [
        ['驗證處理常式', text(form.handlerUrl)],
        ['參數名稱', text(form.paramName)],
        description,
        [
          '顯示此轉登入口的機關',
          strings(form.agencyIds)
            .map((id) => agencies.find((a) => a.id === id)?.name ?? id)
            .join('、'),
        ],
      ];
    case 'SMS':
      return [
        ['每月簡訊則數', text(form.monthlyQuota)],
        ['簡訊用途', text(form.purpose)],
        ['簡訊發送者名稱', text(form.senderName)],
        description,
      ];
  }
}
