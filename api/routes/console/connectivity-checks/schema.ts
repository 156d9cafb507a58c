import { z } from 'zod';

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });
export const idParams = z.object({ id: z.uuid('連線測試編號格式錯誤') });
