import type { Prisma, PrismaClient } from '@prisma/client';

/** What the portal session shows of the logged-in user (GET /api/session). */
export const sessionUser = (prisma: PrismaClient, id: string) =>
  prisma.user.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      account: true,
      name: true,
      title: true,
      passwordChangedAt: true,
      organization: { select: { code: true, name: true } },
      avatar: { select: { updatedAt: true } },
    },
  });

/** 個人帳號管理: the user with when they applied and whether they have a picture. */
export const ownAccount = (prisma: PrismaClient, id: string) =>
  prisma.user.findUniqueOrThrow({
    where: { id },
    include: { accountApplication: { select: { createdAt: true } }, avatar: { select: { updatedAt: true } } },
  });

/** The user's 個人圖像 (null when none). */
export const avatarOf = (prisma: PrismaClient, userId: string) => prisma.userAvatar.findUnique({ where: { userId } });

/** A user by id (null when none). */
export const userById = (prisma: PrismaClient, id: string) => prisma.user.findUnique({ where: { id } });

/** A user's account and status (null when none). */
export const userAccountStatus = (prisma: PrismaClient, id: string) =>
  prisma.user.findUnique({ where: { id }, select: { account: true, status: true } });

/** The active user whose 備用信箱 this is (null when none). */
export const activeUserByBackupEmail = (prisma: PrismaClient, email: string) =>
  prisma.user.findFirst({ where: { backupEmail: email, status: 'ACTIVE' }, select: { id: true } });

/** The user of a national ID (by its hash) in the given status or statuses (null when none). */
export const userByNationalIdHash = (prisma: PrismaClient, nationalIdHash: string, status: Prisma.UserWhereInput['status']) =>
  prisma.user.findFirst({ where: { nationalIdHash, status }, select: { id: true, account: true } });

/** Users whose account or name holds the keyword (帳號管理, AD 同步管理作業). */
export const accountOrNameContains = (q: string | undefined): Prisma.UserWhereInput =>
  q ? { OR: [{ account: { contains: q.toLowerCase() } }, { name: { contains: q } }] } : {};

/** One page of users in account order. */
export const byAccount = (query: { page: number; pageSize: number }) => ({
  orderBy: { account: 'asc' as const },
  skip: query.page * query.pageSize,
  take: query.pageSize,
});

/** The account 開通帳號 is for: 待開通, found by id or backup e-mail, with its application. */
export const userAwaitingActivation = (prisma: PrismaClient, where: { id: string } | { backupEmail: string }) =>
  prisma.user.findFirst({ where: { ...where, status: 'PENDING_ACTIVATION' }, include: { accountApplication: true } });
