import type { ReactNode } from 'react';
import type { SystemSummary } from './api';

/** 應用系統資料's rows, in 新增應用系統's order and words. */
export const systemRows = (s: SystemSummary): [string, ReactNode][] => [
  ['應用系統名稱', s.name],
  ['簡稱', s.shortName],
  ['管理機關', s.agencyName],
  ['聯絡人', s.contactName],
  ['聯絡電話', s.contactPhone],
  ['聯絡人信箱', s.contactEmail],
  ['開發廠商名稱', s.vendorName],
  ['應用系統說明', s.description],
  ['應用系統網址', s.url],
  ['正式IP', s.productionIps.join('\n')],
];
