import { defineQuery } from '@temporalio/workflow';
import type { ProbeResult } from '../domain/contracts/connectivity';
export { type ProbeResult } from '../domain/contracts/connectivity';

/** 連線測試 (管理主控台 › AD 同步管理作業): what the workflow takes, reports and answers. */
export const CONNECTIVITY_TARGETS = ['postgres', 'ad', 'smtp', 'sms'] as const;
export type ConnectivityTarget = (typeof CONNECTIVITY_TARGETS)[number];

export const CONNECTIVITY_TARGET_LABELS: Record<ConnectivityTarget, string> = {
  postgres: '資料庫',
  ad: 'AD 主機',
  smtp: '郵件伺服器',
  sms: '簡訊平台',
};

export interface ConnectivityCheckInput {
  requestId: string;
  startedBy: { account: string; name: string };
  agencyCode: string;
}

export interface ConnectivityResult extends ProbeResult {
  target: ConnectivityTarget;
  label: string;
  checkedAt: string;
}

export type ConnectivityCheckStatus = 'RUNNING' | 'COMPLETED';

export interface ConnectivityCheckState {
  status: ConnectivityCheckStatus;
  results: ConnectivityResult[];
}

export const connectivityCheckWorkflowId = (requestId: string) => `connectivity-check-${requestId}`;

export const getConnectivityStateQuery = defineQuery<ConnectivityCheckState>('getConnectivityState');
