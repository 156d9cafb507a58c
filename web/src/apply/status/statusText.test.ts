import { describe, expect, it } from 'vitest';
import type { ApplicationEvent } from '../../lib/api';
import { describeStatus, eventTone, isDecided, sortEvents, STATUS_EXPLANATIONS, STATUS_LABELS } from './statusText';

describe('status in plain zh-TW', () => {
  it('has the contract labels for every status', () => {
    expect(STATUS_LABELS).toEqual({
      PENDING: '待機關管理者審核',
      PROVISIONING: '帳號建立中',
      AWAITING_ACTIVATION: '待開通帳號',
      ACTIVE: '已開通',
      REJECTED: '已駁回',
      EXPIRED: '逾期未審核（已失效）',
    });
    for (const text of Object.values(STATUS_EXPLANATIONS)) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it("prefers the API's own texts", () => {
    expect(
      describeStatus({
        status: 'PENDING',
        statusLabel: '待機關管理者審核',
        statusExplanation: '民政局的機關管理者將於 7 日內審核。',
      }),
    ).toEqual({ label: '待機關管理者審核', explanation: '民政局的機關管理者將於 7 日內審核。', tone: 'info', inProgress: true });
  });

  it('explains a status the API did not explain', () => {
    const awaiting = describeStatus({ status: 'AWAITING_ACTIVATION', statusLabel: '', statusExplanation: null });
    expect(awaiting.label).toBe('待開通帳號');
    expect(awaiting.explanation).toContain('開通帳號');
    expect(awaiting.tone).toBe('warning');
    expect(describeStatus({ status: 'REJECTED' })).toMatchObject({ label: '已駁回', tone: 'error', inProgress: false });
    expect(describeStatus({ status: 'ACTIVE' })).toMatchObject({ tone: 'success', inProgress: false });
    expect(describeStatus({ status: 'EXPIRED' }).explanation).toContain('重新提出個人帳號申請');
  });

  it('copes with a status it does not know', () => {
    expect(describeStatus({ status: 'ARCHIVED', statusLabel: '已封存' })).toEqual({
      label: '已封存',
      explanation: '',
      tone: 'info',
      inProgress: false,
    });
  });

  it('counts everything after 待審核 as decided', () => {
    expect(isDecided('PENDING')).toBe(false);
    for (const status of ['PROVISIONING', 'AWAITING_ACTIVATION', 'ACTIVE', 'REJECTED', 'EXPIRED'] as const) {
      expect(isDecided(status)).toBe(true);
    }
  });
});

describe('timeline events', () => {
  it('are coloured by kind', () => {
    expect(eventTone('REJECTED')).toBe('error');
    expect(eventTone('APPROVED')).toBe('success');
    expect(eventTone('ACCOUNT_ACTIVATED')).toBe('success');
    expect(eventTone('EXPIRED')).toBe('warning');
    expect(eventTone('ESCALATED')).toBe('warning');
    expect(eventTone('SUBMITTED')).toBe('neutral');
    expect(eventTone('AMENDED')).toBe('neutral');
  });

  it('are listed oldest first', () => {
    const event = (seq: number): ApplicationEvent => ({
      seq,
      kind: 'X',
      label: `e${seq}`,
      actorName: null,
      comment: null,
      at: '',
    });
    expect(sortEvents([event(3), event(1), event(2)]).map((item) => item.seq)).toEqual([1, 2, 3]);
  });
});
