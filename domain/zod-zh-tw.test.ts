import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-zh-tw';

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('zod messages in zh-TW', () => {
  it.each([
    [z.object({ name: z.string() }), { name: 5 }, '此欄位必須是文字'],
    [z.object({ n: z.number() }), { n: 'x' }, '此欄位必須是數字'],
    [z.object({ n: z.int() }), { n: 1.5 }, '此欄位必須是整數'],
    [z.object({ b: z.boolean() }), { b: 1 }, '此欄位必須是是或否'],
    [z.object({ a: z.array(z.string()) }), { a: 'x' }, '此欄位必須是清單'],
    [z.object({ name: z.string() }), {}, '此欄位為必填'],
    [z.object({ name: z.string() }), null, '此欄位必須是一組欄位'],
    [z.string().max(5), '123456', '長度不可超過 5 個字'],
    [z.string().min(1), '', '此欄位為必填'],
    [z.string().min(3), 'a', '長度至少 3 個字'],
    [z.number().max(10), 11, '不可大於 10'],
    [z.number().min(1), 0, '不可小於 1'],
    [z.array(z.string()).min(1), [], '請至少選擇一項'],
    [z.array(z.string()).max(2), ['a', 'b', 'c'], '最多 2 項'],
    [z.email(), 'x', '電子郵件格式不正確'],
    [z.uuid(), 'x', '編號格式不正確'],
    [z.string().regex(/^a$/), 'b', '格式不正確'],
    [z.enum(['A', 'B']), 'C', '請選擇有效的選項'],
    [z.literal('A'), 'C', '此欄位的值不正確'],
    [z.strictObject({}), { extra: 1 }, '含有不接受的欄位：extra'],
    [z.union([z.string(), z.number()]), true, '此欄位的資料格式不正確'],
  ])('case %#', (schema, input, message) => {
    expect(messages(schema, input)).toEqual([message]);
  });

  it('keeps the messages the schemas name', () => {
    expect(messages(z.object({ reason: z.string({ error: '請填寫停用原因' }).max(3, '最多 3 字') }), { reason: 1 })).toEqual([
      '請填寫停用原因',
    ]);
    expect(messages(z.string().max(3, '最多 3 字'), 'abcd')).toEqual(['最多 3 字']);
  });

  it('never names a type in English', () => {
    const inputs = [undefined, null, 1, 'x', true, [], {}, 1n, new Date(0)];
    const schemas = [z.string(), z.number(), z.boolean(), z.object({}), z.array(z.number()), z.date(), z.bigint(), z.int()];
    for (const schema of schemas)
      for (const input of inputs)
        for (const message of messages(schema, input))
          expect(message).not.toMatch(/string|number|boolean|object|array|expected|received|Invalid/i);
  });
});
