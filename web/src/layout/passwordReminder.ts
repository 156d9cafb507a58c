/** 「提醒您：密碼將於N天後到期」 under the user's name; null when the account's password does not expire. */
export function passwordReminder(days: number | null): string | null {
  if (days === null || !Number.isFinite(days)) return null;
  if (days < 0) return '提醒您：密碼已過期，請儘速修改密碼';
  if (days === 0) return '提醒您：密碼將於今天到期';
  return `提醒您：密碼將於${Math.floor(days)}天後到期`;
}
