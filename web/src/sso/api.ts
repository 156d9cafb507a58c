import { api } from '../lib/api';
import type { InteractionDetails, LoginResult } from './types';

const base = (uid: string) => `/api/sso/interaction/${encodeURIComponent(uid)}`;

export const ssoApi = {
  details: (uid: string) => api.get<InteractionDetails>(`${base(uid)}/details`),
  /** POST to a login method's route (its slug), e.g. loginWith(uid, 'password', {...}). */
  loginWith: (uid: string, slug: string, body: unknown) => api.post<LoginResult>(`${base(uid)}/${slug}`, body),
  consent: (uid: string) => api.post<{ redirectTo: string }>(`${base(uid)}/consent`, {}),
  abort: (uid: string) => api.post<{ redirectTo: string }>(`${base(uid)}/abort`, {}),
  /** 臨時密碼: mails one to the bound 備用信箱. */
  sendTempPassword: (uid: string, body: { email: string; captchaId: string; captchaAnswer: string }) =>
    api.post<{ email: string; message: string; resendAfter: string }>(`${base(uid)}/temp-password/send`, body),
};
