import { mobileCertLogin } from './mobile-cert';
import type { LoginMethodModule } from './types';

/** Every login method of 單一帳號認證平台 (one line each; api/sso/interaction-routes.ts mounts them). */
export const loginMethods: LoginMethodModule[] = [mobileCertLogin];
