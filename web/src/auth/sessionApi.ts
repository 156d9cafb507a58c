// The portal session: GET /api/session and 登出 (POST /api/auth/logout).
import { api } from '../lib/api';
import type { SessionResponse } from '../lib/api/types';

export const SESSION_PATH = '/api/session';

export const sessionApi = {
  get: () => api.get<SessionResponse>(SESSION_PATH),
  logout: () => api.post('/api/auth/logout'),
};
