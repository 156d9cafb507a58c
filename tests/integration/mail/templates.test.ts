import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATE_NAMES, renderMail, type MailTemplateData, type MailTemplateName } from '../../../activities/mail';
import { FOOTER_NOTICE, FOOTER_ORG, MailTemplateError, PORTAL_NAME } from '../../../infra/mail/templates';

const ctx = { webUrl: 'https://portal.tainan.test/' };

const samples: { [N in MailTemplateName]: MailTemplateData[N] } = {
  verificationCode: { code: '123456', minutes: 10 },
  connectivityCheckTest: { checkedAt: '2025-06-30T16:05:00Z', requestedBy: '系統管理員' },
  applicationSubmitted: {
    name: '王小明',
    requestType: '帳號申請',
    requestId: 'A001',
    statusUrl: '/apply/account/status/A001?key=k1',
  },
  applicationApproved: { name: '王小明', requestType: '帳號申請' },
  applicationRejected: { name: '王小明', requestType: '帳號申請', reason: '單位主管未簽核' },
  accountActivationGuide: { name: '王小明', account: 'wangxm', activationUrl: '/login/activate' },
  approvalReminder: {
    requestType: '個人帳號申請',
    applicantName: '王小明',
    agencyName: '民政局',
    submittedAt: '2025-06-30T16:05:00Z',
    inboxUrl: '/console/accounts/applications/A001',
    escalated: true,
  },
  applicationExpired: { name: '王小明', requestType: '個人帳號申請', statusUrl: '/apply/account/status' },
  temporaryPassword: { name: '王小明', account: 'wangxm', password: 'Ab3dEf7hJk9m', minutes: 10 },
  accountBindingChanged: {
    name: '王小明',
    account: 'wangxm',
    change: '啟用 OTP 驗證',
    changedAt: '2025-06-30T16:05:00Z',
    ip: '10.1.2.3',
  },
  passwordChanged: {
    name: '王小明',
    account: 'wangxm',
    reason: '忘記密碼',
    method: '手機簡訊',
    changedAt: '2025-06-30T16:05:00Z',
    ip: '10.1.2.3',
  },
  accountDisabled: {
    name: '王小明',
    account: 'wangxm',
    kind: 'MANUAL',
    reason: '離職',
    disabledAt: '2025-06-30T16:05:00Z',
    reactivateUrl: '/apply/reactivation',
  },
  idleDisableWarning: {
    name: '王小明',
    account: 'wangxm',
    lastActiveAt: '2025-03-30T16:05:00Z',
    disableAt: '2025-06-30T16:05:00Z',
    loginUrl: '/login',
  },
  idleDisableBlocked: {
    runDate: '2025-06-30',
    accounts: [{ account: 'wangxm', name: '王小明', agencyName: '民政局', problem: '請先指定其他機關管理者' }],
    consoleUrl: '/console/accounts',
  },
  accountEnabled: {
    name: '王小明',
    account: 'wangxm',
    kind: 'RESET',
    reason: '帳號遭冒用疑慮',
    activationUrl: '/login/activate',
    loginUrl: '/login',
  },
  delegationAssigned: {
    deputyName: '王小明',
    principalName: '林怡君',
    startsAt: '2026-12-01T00:00:00+08:00',
    endsAt: '2026-12-08T00:00:00+08:00',
    consoleUrl: '/console/accounts/applications',
  },
  delegatedDecision: {
    principalName: '林怡君',
    deputyName: '王小明',
    requestType: '個人帳號復用',
    applicantName: '陳志明',
    decision: 'APPROVE',
    decidedAt: '2026-12-02T09:30:00+08:00',
    detailUrl: '/console/accounts/reactivation-requests/R001',
  },
  bookingForCustodian: {
    kind: 'submitted',
    requestType: '場地借用申請',
    resource: '10樓專用小禮堂（民治市政中心 10樓）',
    when: '2026/12/08 9:00 - 12:00',
    applicantName: '陳志明',
    unitName: '智慧發展中心',
    reason: '年度資安教育訓練',
    inboxUrl: '/console/items/venue-bookings/R001',
  },
  driverDispatch: {
    kind: 'dispatched',
    driverName: '王大哥',
    car: '小客車 RRR-000',
    when: '2026/12/08 9:00 - 12:00',
    destination: '永華市政中心',
    applicantName: '陳志明',
    unitName: '智慧發展中心',
  },
  applicationCancelled: {
    name: '陳志明',
    requestType: '場地借用申請',
    requestId: 'VB-20261208-ABCD',
    reason: '場地臨時維修',
    note: '10樓專用小禮堂 2026/12/08 9:00 - 12:00',
    statusUrl: '/applications/booking-records/VB-20261208-ABCD',
  },
  applicationHandled: {
    name: '陳志明',
    requestType: '線上報修',
    requestId: 'R20261208-00042',
    note: '處理人員：王維修\n處理結果：已更換網路線',
    statusUrl: '/applications/repairs/tickets/R20261208-00042',
  },
  applicationClosed: {
    name: '陳志明',
    requestType: '線上報修',
    requestId: 'R20261208-00042',
    statusUrl: '/applications/repairs/tickets/R20261208-00042',
  },
  applicationReturned: {
    name: '陳志明',
    requestType: '應用系統服務介接申請',
    requestId: 'I20261208-04217',
    reason: '驗證處理常式請改用正式網址',
    statusUrl: '/applications/integrations/records/I20261208-04217',
  },
  repairTicketNotice: {
    kind: 'returned',
    ticketKey: 'R20261208-00042',
    repairType: '公文管理系統維修',
    unitName: '智慧發展中心',
    reporterName: '陳志明',
    location: '民治市政中心',
    floor: '2',
    fault: '無法登入公文系統',
    reason: '問題仍未解決',
    ticketUrl: '/my/repair-handling/R20261208-00042',
  },
};

describe('mail templates', () => {
  it.each(MAIL_TEMPLATE_NAMES)('%s has the portal header, footer, subject prefix and both parts', (name) => {
    const mail = renderMail(name, samples[name] as never, ctx);
    expect(mail.subject.startsWith(`【${PORTAL_NAME}】`)).toBe(true);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(PORTAL_NAME);
      expect(part).toContain(FOOTER_NOTICE);
      expect(part).toContain(FOOTER_ORG);
    }
    expect(mail.html).toContain('<html lang="zh-Hant-TW">');
    expect(mail.html).toContain(`<title>${mail.subject}</title>`);
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it('formats times as YYYY-MM-DD HH:mm in Asia/Taipei', () => {
    const mail = renderMail('connectivityCheckTest', { checkedAt: '2025-06-30T16:05:00Z' });
    expect(mail.text).toContain('測試時間：2025-07-01 00:05');
  });

  it('links to portal pages on WEB_URL only, never to another address or scheme', () => {
    const mail = renderMail('applicationSubmitted', samples.applicationSubmitted, ctx);
    expect(mail.html).toContain('href="https://portal.tainan.test/apply/account/status/A001?key=k1"');
    expect(mail.text).toContain('https://portal.tainan.test/apply/account/status/A001?key=k1');
    for (const activationUrl of [
      'javascript:alert(1)',
      'https://evil.example/login/activate',
      '//evil.example/login/activate',
      '/api/activation',
    ]) {
      expect(() => renderMail('accountActivationGuide', { ...samples.accountActivationGuide, activationUrl }, ctx)).toThrow(
        MailTemplateError,
      );
    }
    expect(() => renderMail('applicationSubmitted', samples.applicationSubmitted)).toThrow(/WEB_URL/);
  });

  it("names the 開通帳號 page in the manual's words; a 復用 approval's link says it opens 開通帳號", () => {
    const guide = renderMail('accountActivationGuide', samples.accountActivationGuide, ctx);
    expect(guide.subject).toBe(`【${PORTAL_NAME}】開通帳號說明`);
    expect(guide.html).toMatch(/<a\s+href="https:\/\/portal\.tainan\.test\/login\/activate"[^>]*>開通帳號<\/a/);
    expect(guide.text).not.toContain('啟用');
    const approved = renderMail(
      'applicationApproved',
      { name: '王小明', requestType: '個人帳號復用申請', activationUrl: '/login/activate', note: '請開通帳號' },
      ctx,
    );
    expect(approved.html).toMatch(/<a\s+href="https:\/\/portal\.tainan\.test\/login\/activate"[^>]*>開通帳號<\/a/);
    expect(approved.text).not.toContain('查詢案件進度');
  });

  it('escapes data in attributes and text', () => {
    const mail = renderMail(
      'applicationSubmitted',
      { ...samples.applicationSubmitted, statusUrl: '/apply/account/status/A001?a=1&b="><script>' },
      ctx,
    );
    expect(mail.html).not.toContain('"><script>');
    expect(mail.html).toContain('a=1&amp;b=%22%3E%3Cscript%3E');
  });

  it('keeps the verification code out of the subject', () => {
    const mail = renderMail('verificationCode', { code: '654321', minutes: 5 });
    expect(mail.subject).not.toContain('654321');
    expect(mail.text).toContain('654321');
  });

  it('rejects unknown templates and invalid data', () => {
    expect(() => renderMail('nope' as MailTemplateName, {} as never)).toThrow(MailTemplateError);
    expect(() => renderMail('verificationCode', { code: '12', minutes: 5 })).toThrow(/code/);
    expect(() => renderMail('applicationRejected', { name: 'a\r\nBcc: x', requestType: '帳號申請', reason: 'r' })).toThrow(
      /name/,
    );
  });
});
