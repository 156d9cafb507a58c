import { describe, expect, it } from 'vitest';
import { cancelProblem } from './cancel';

const now = new Date('2026-12-08T01:00:00Z');
const later = new Date('2026-12-08T02:00:00Z');

describe('cancelProblem (取消申請 / 取消借用)', () => {
  it('lets the applicant cancel a booking 候補中, 未審核 or 通過 before it starts', () => {
    for (const status of ['WAITLISTED', 'PENDING', 'APPROVED'] as const)
      expect(cancelProblem(status, later, 'APPLICANT', now)).toBeNull();
  });
  it('refuses a closed booking by its status, and any booking once its slot has started', () => {
    expect(cancelProblem('REJECTED', later, 'APPLICANT', now)).toBe('此申請目前狀態為「駁回」，無法取消');
    expect(cancelProblem('PENDING', now, 'APPLICANT', now)).toBe('借用時段已開始，無法取消');
    expect(cancelProblem('APPROVED', new Date(Number.NaN), 'CUSTODIAN', now)).toBe('借用時段已開始，無法取消');
  });
  it('lets a custodian cancel only an approved booking', () => {
    expect(cancelProblem('APPROVED', later, 'CUSTODIAN', now)).toBeNull();
    expect(cancelProblem('PENDING', later, 'CUSTODIAN', now)).toBe('保管人僅能取消已通過的借用；未審核的申請請以駁回處理');
  });
});
