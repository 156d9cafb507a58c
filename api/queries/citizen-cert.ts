import type { PrismaClient } from '@prisma/client';

/** A card serial as the page shows it. */
export const serialText = (serial: string) => serial.toUpperCase();

/** 個人帳號管理 › 自然人憑證: whether the user has a card bound, and which. */
export async function citizenCertStatus(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { citizenCertSerial: true, citizenCertSubject: true, citizenCertNotAfter: true, citizenCertBoundAt: true },
  });
  if (!user.citizenCertSerial) return { bound: false as const };
  return {
    bound: true as const,
    holder: user.citizenCertSubject,
    serial: serialText(user.citizenCertSerial),
    notAfter: user.citizenCertNotAfter?.toISOString() ?? null,
    boundAt: user.citizenCertBoundAt?.toISOString() ?? null,
  };
}
