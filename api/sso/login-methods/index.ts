import { passwordLogin } from './password';
import { citizenCertLogin } from './citizen-cert';
import { otpLogin } from './otp';
import { temporaryPasswordLogin } from './temp-password';
import { mobileCertLogin } from './mobile-cert';
import type { LoginMethodModule } from './types';

/** Every login method of 單一帳號認證平台 (one line each; api/sso/interaction-routes.ts mounts them). */
export const loginMethods: LoginMethodModule[] = [
  passwordLogin,
  citizenCertLogin,
  otpLogin,
  temporaryPasswordLogin,
  mobileCertLogin,
];
