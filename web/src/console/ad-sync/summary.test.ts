import { describe, expect, it } from 'vitest';
import type { ConnectivityCheck, ConnectivityResult } from '../../lib/api/types';
import { formatLatency, summarize, summaryTone, targetRows } from './summary';

const result = (target: ConnectivityResult['target'], ok: boolean): ConnectivityResult => ({
  target,
  label: { postgres: '資料庫', ad: 'AD 主機', smtp: '郵件伺服器', sms: '簡訊平台' }[target],
  ok,
  message: ok ? '連線正常' : '連線逾時',
  latencyMs: ok ? 12 : null,
  checkedAt: '2024-07-22T02:00:01Z',
});

const check = (status: ConnectivityCheck['status'], results: ConnectivityResult[]): ConnectivityCheck => ({
  id: 'c1',
  workflowId: 'connectivity-check-c1',
  status,
  startedAt: '2024-07-22T02:00:00Z',
  completedAt: status === 'RUNNING' ? null : '2024-07-22T02:00:03Z',
  startedBy: { account: 'admin', name: '系統管理者' },
  results,
  temporalUrl: 'http://127.0.0.1:8233/namespaces/portal/workflows/connectivity-check-c1',
});

const all = ['postgres', 'ad', 'smtp', 'sms'] as const;

describe('connectivity check summary', () => {
  it('says all is well when every target answered', () => {
    const done = check(
      'COMPLETED',
      all.map((target) => result(target, true)),
    );
    expect(summarize(done)).toBe('4 項全部正常');
    expect(summaryTone(done)).toBe('success');
  });

  it('counts the failing targets', () => {
    const done = check('COMPLETED', [result('postgres', true), result('ad', false), result('smtp', true), result('sms', true)]);
    expect(summarize(done)).toBe('1 項異常');
    expect(summaryTone(done)).toBe('error');
  });

  it('reports progress while running', () => {
    expect(summarize(check('RUNNING', [result('postgres', true)]))).toBe('檢查中（已完成 1/4 項）');
    expect(summarize(check('RUNNING', [result('postgres', true), result('ad', false)]))).toBe(
      '檢查中（已完成 2/4 項，1 項異常）',
    );
    expect(summaryTone(check('RUNNING', []))).toBe('info');
  });

  it('reports a run that failed as a whole', () => {
    expect(summarize(check('FAILED', []))).toBe('執行失敗');
    expect(summaryTone(check('FAILED', []))).toBe('error');
  });
});

describe('target rows', () => {
  it('always lists the four targets in order, pending ones as 檢查中', () => {
    const rows = targetRows(check('RUNNING', [result('smtp', false)]));
    expect(rows.map((row) => row.label)).toEqual(['資料庫', 'AD 主機', '郵件伺服器', '簡訊平台']);
    expect(rows.map((row) => row.state)).toEqual(['checking', 'checking', 'failed', 'checking']);
  });

  it('marks targets without a result as missing once the run is over', () => {
    expect(targetRows(check('FAILED', [result('postgres', true)])).map((row) => row.state)).toEqual([
      'ok',
      'missing',
      'missing',
      'missing',
    ]);
  });
});

describe('latency', () => {
  it('shows milliseconds or a dash', () => {
    expect(formatLatency(12.4)).toBe('12 ms');
    expect(formatLatency(null)).toBe('—');
  });
});
