import { describe, expect, it } from 'vitest';
import { rateProblem, replyProblem, REPAIR_MESSAGES, returnProblem } from './rules';

const reply = { handlerName: '王維修', handledAt: '2026-12-08T02:00:00Z', result: '已更換網路線', categoryId: 'c1' };
const opts = { vendor: true, categoryIds: ['c1'] };

describe('線上報修 rules (the workflow validators, the API and the pages read them)', () => {
  it('a reply: a vendor of the type, on a 待處理 ticket, every field, an offered 分類', () => {
    expect(replyProblem('PENDING', reply, opts)).toBeNull();
    expect(replyProblem('PENDING', reply, { ...opts, vendor: false })).toBe(REPAIR_MESSAGES.NOT_VENDOR);
    expect(replyProblem('HANDLED', reply, opts)).toBe('此報修案件目前狀態為「已處理」，無法回覆');
    expect(replyProblem('PENDING', { ...reply, handlerName: ' ' }, opts)).toBe(REPAIR_MESSAGES.HANDLER_REQUIRED);
    expect(replyProblem('PENDING', { ...reply, handledAt: 'x' }, opts)).toBe(REPAIR_MESSAGES.HANDLED_AT_REQUIRED);
    expect(replyProblem('PENDING', { ...reply, result: '' }, opts)).toBe(REPAIR_MESSAGES.RESULT_REQUIRED);
    expect(replyProblem('PENDING', { ...reply, categoryId: 'retired' }, opts)).toBe(REPAIR_MESSAGES.CATEGORY_REQUIRED);
  });

  it('評分: the reporter, once, on an 已處理 ticket, 1–5', () => {
    expect(rateProblem('HANDLED', false, { rating: 4 }, { reporter: true })).toBeNull();
    expect(rateProblem('HANDLED', false, { rating: 4 }, { reporter: false })).toBe(REPAIR_MESSAGES.NOT_REPORTER);
    expect(rateProblem('PENDING', false, { rating: 4 }, { reporter: true })).toBe(
      '此報修案件目前狀態為「待處理」，僅已處理的案件可評分',
    );
    expect(rateProblem('CLOSED', true, { rating: 4 }, { reporter: true })).toBe(REPAIR_MESSAGES.ALREADY_RATED);
    for (const rating of [0, 6, 4.5, Number.NaN])
      expect(rateProblem('HANDLED', false, { rating }, { reporter: true })).toBe(REPAIR_MESSAGES.RATING_RANGE);
  });

  it('退回: the reporter, on an 已處理 ticket, with 退回原因', () => {
    expect(returnProblem('HANDLED', { reason: '仍未修好' }, { reporter: true })).toBeNull();
    expect(returnProblem('HANDLED', { reason: '  ' }, { reporter: true })).toBe(REPAIR_MESSAGES.REASON_REQUIRED);
    expect(returnProblem('CLOSED', { reason: '仍未修好' }, { reporter: true })).toBe(
      '此報修案件目前狀態為「已結案」，僅已處理的案件可退回',
    );
  });
});
