import type { PrismaClient } from '@prisma/client';
import QRCode from 'qrcode';
import { decryptField, encryptField } from '../../infra/db/pii';
import { uniqueViolation } from '../../infra/db/unique-violation';
import { maskMobile } from '../../domain/phone';
import { USAGE_ACTIONS, type UsageAction } from '../../domain/usage-actions';
import { fail } from '../errors';
import type { Actor } from '../policies';
import { checkTotp, newOtpSecret, otpauthUri } from '../sso/totp';
import type { Temporal } from '../temporal';
import type { EmailVerification } from './email-verification';
import { queueMail } from './queue-mail';
import type { SmsVerification } from './sms-verification';
import { recordUsage } from './usage';

export interface BindingDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
  dataKey: Buffer;
  verification: EmailVerification;
  sms: SmsVerification;
}

/** Where a change came from (the request's address), for 帳號使用紀錄 and the notice mail. */
export interface ChangeContext {
  actor: Actor;
  ip?: string;
  /** The browser's binding (api/auth/client-binding.ts): codes and tokens stay in the browser that asked. */
  client: string | undefined;
}

/** 'someone@example.com' → 'so*****@example.com' for notices that travel by mail. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}${'*'.repeat(Math.max(1, local.length - 2))}@${domain}`;
}

/**
 * 個人帳號管理 bindings: OTP 驗證, 手機號碼, 備用電子郵件 (自然人憑證 lives in api/identity). Every change
 * writes its row and its 帳號使用紀錄 in one transaction, then mails a notice to the user's backup
 * e-mail (and, for a re-bound address, to the old one too) through the outbox.
 */
export function createAccountBindings(deps: BindingDeps) {
  const { prisma } = deps;

  async function notify(
    user: { id: string; account: string; name: string },
    action: UsageAction,
    recipients: (string | null | undefined)[],
    detail: string | undefined,
    ctx: ChangeContext,
    usageId: string,
  ) {
    for (const [index, to] of [...new Set(recipients.filter((r): r is string => Boolean(r)))].entries()) {
      await queueMail(deps, {
        key: `binding:${usageId}:${index}`,
        to,
        template: 'accountBindingChanged',
        data: {
          name: user.name,
          account: user.account,
          change: USAGE_ACTIONS[action],
          ...(detail ? { detail } : {}),
          changedAt: new Date(),
          ...(ctx.ip ? { ip: ctx.ip } : {}),
        },
      });
    }
  }

  const usage = (ctx: ChangeContext, action: UsageAction, detail: Record<string, string> = {}) =>
    recordUsage(prisma, { userId: ctx.actor.id, action, target: 'account', detail, ip: ctx.ip ?? null });

  const me = (ctx: ChangeContext) =>
    prisma.user.findUniqueOrThrow({
      where: { id: ctx.actor.id },
      select: {
        id: true,
        account: true,
        name: true,
        backupEmail: true,
        mobile: true,
        mobileVerifiedAt: true,
        otpEnabledAt: true,
        otpSecretCipher: true,
      },
    });

  return {
    // ---- OTP 驗證 ----

    /**
     * 進行「OTP驗證」 › 啟用 › 確定: a new secret, kept encrypted and pending (otp_enabled_at null) until
     * a code from the app confirms it. Answers the otpauth:// URI, its QR code and the key for typing.
     */
    async otpSetup(ctx: ChangeContext) {
      const user = await me(ctx);
      if (user.otpEnabledAt) throw fail('OTP_ALREADY_ENABLED');
      const secret = newOtpSecret();
      await prisma.user.update({
        where: { id: user.id },
        data: { otpSecretCipher: encryptField(secret, deps.dataKey, 'otp-secret'), otpLastStep: null },
      });
      const uri = otpauthUri(user.account, secret);
      return {
        otpauthUri: uri,
        secret,
        qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
      };
    },

    /** The code typed from the app turns the pending secret on; that code cannot then log in. */
    async otpEnable(ctx: ChangeContext, code: string) {
      const user = await me(ctx);
      if (user.otpEnabledAt) throw fail('OTP_ALREADY_ENABLED');
      if (!user.otpSecretCipher) throw fail('OTP_SETUP_REQUIRED');
      const checked = await checkTotp(decryptField(user.otpSecretCipher, deps.dataKey, 'otp-secret'), code);
      if (!checked.ok)
        throw fail('OTP_CODE_INVALID', undefined, { code: '動態驗證碼錯誤，請輸入 APP 上目前顯示的 6 位數驗證碼' });
      const record = await prisma.$transaction(async (tx) => {
        // Conditional on still being off, so two confirmations racing enable (and record) once.
        const enabled = await tx.user.updateMany({
          where: { id: user.id, otpEnabledAt: null },
          data: { otpEnabledAt: new Date(), otpLastStep: checked.step },
        });
        if (enabled.count === 0) throw fail('OTP_ALREADY_ENABLED');
        return recordUsage(tx, { userId: ctx.actor.id, action: 'binding.otp.enable', target: 'account', ip: ctx.ip ?? null });
      });
      await notify(user, 'binding.otp.enable', [user.backupEmail], undefined, ctx, record.id);
    },

    /** 關閉「OTP 驗證」: the secret is deleted; a later 啟用 makes a new one. */
    async otpDisable(ctx: ChangeContext) {
      const user = await me(ctx);
      if (!user.otpEnabledAt && !user.otpSecretCipher) throw fail('OTP_NOT_ENABLED');
      const [, record] = await prisma.$transaction([
        prisma.user.update({ where: { id: user.id }, data: { otpSecretCipher: null, otpEnabledAt: null, otpLastStep: null } }),
        usage(ctx, 'binding.otp.disable'),
      ]);
      if (user.otpEnabledAt) await notify(user, 'binding.otp.disable', [user.backupEmail], undefined, ctx, record.id);
    },

    // ---- 手機號碼 ----

    /** 發送驗證簡訊 to the number typed. */
    mobileStart: (ctx: ChangeContext & { client: string }, mobile: string) =>
      deps.sms.start('BIND_MOBILE', mobile, { userId: ctx.actor.id, ip: ctx.ip, client: ctx.client }),

    /** 進行驗證: the 簡訊驗證碼. */
    mobileConfirm: (ctx: ChangeContext, verificationId: string, code: string) =>
      deps.sms.confirm(verificationId, code, { userId: ctx.actor.id, client: ctx.client }),

    /** 確定: binds the verified number (the token works once). */
    async mobileBind(ctx: ChangeContext, token: string | undefined) {
      const { mobile } = await deps.sms.require(token, ['BIND_MOBILE'], {
        userId: ctx.actor.id,
        consume: true,
        client: ctx.client,
      });
      const user = await me(ctx);
      const [, record] = await prisma.$transaction([
        prisma.user.update({ where: { id: user.id }, data: { mobile, mobileVerifiedAt: new Date() } }),
        usage(ctx, 'binding.mobile.bind', { mobile: maskMobile(mobile) }),
      ]);
      await notify(user, 'binding.mobile.bind', [user.backupEmail], `手機號碼 ${maskMobile(mobile)}`, ctx, record.id);
      return { mobile };
    },

    /** 解除綁定 › 確定. */
    async mobileUnbind(ctx: ChangeContext) {
      const user = await me(ctx);
      if (!user.mobile) throw fail('MOBILE_NOT_BOUND');
      const [, record] = await prisma.$transaction([
        prisma.user.update({ where: { id: user.id }, data: { mobile: null, mobileVerifiedAt: null } }),
        usage(ctx, 'binding.mobile.unbind', { mobile: maskMobile(user.mobile) }),
      ]);
      await notify(user, 'binding.mobile.unbind', [user.backupEmail], `手機號碼 ${maskMobile(user.mobile)}`, ctx, record.id);
    },

    // ---- 備用電子郵件 ----

    /** 發送驗證信 to the new address (not @mail.tainan.gov.tw, not bound to another account). */
    emailStart: (ctx: ChangeContext & { client: string }, email: string) =>
      deps.verification.start('BIND', email, { ip: ctx.ip, client: ctx.client }),

    /** 進行驗證: the code from the mail. */
    emailConfirm: (ctx: ChangeContext, verificationId: string, code: string) =>
      deps.verification.confirm(verificationId, code, ctx.client),

    /** 確定: the verified address replaces the old one (there is no plain unbind). */
    async emailRebind(ctx: ChangeContext, token: string | undefined) {
      return deps.verification.spend(token, ['BIND'], ctx.client, async ({ email }) => {
        const user = await me(ctx);
        if (user.backupEmail === email) return { backupEmail: email };
        const now = new Date();
        let record;
        try {
          [, , , record] = await prisma.$transaction([
            prisma.user.update({ where: { id: user.id }, data: { backupEmail: email } }),
            prisma.backupEmailBinding.updateMany({ where: { userId: user.id, unboundAt: null }, data: { unboundAt: now } }),
            prisma.backupEmailBinding.create({ data: { userId: user.id, email, boundAt: now } }),
            usage(ctx, 'binding.email.rebind', { email: maskEmail(email) }),
          ]);
        } catch (error) {
          if (uniqueViolation(error))
            throw fail('EMAIL_ALREADY_BOUND', undefined, { email: '此備用信箱已綁定其他公務帳號，請改用其他信箱' });
          throw error;
        }
        await notify(user, 'binding.email.rebind', [user.backupEmail, email], `備用電子郵件 ${maskEmail(email)}`, ctx, record.id);
        return { backupEmail: email };
      });
    },
  };
}

export type AccountBindings = ReturnType<typeof createAccountBindings>;
