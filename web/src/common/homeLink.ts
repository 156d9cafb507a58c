import { HOME_PATH, LANDING_PATH } from '../routes/paths';

export const PORTAL_HOME = { path: HOME_PATH, label: '回首頁' } as const;
export const LANDING_HOME = { path: LANDING_PATH, label: '回公務入口網首頁' } as const;
