import { describe, expect, it } from 'vitest';
import { classifyMitakeError } from '../../../activities/sms';
import { decodeMitakeBody, interpretSendReply, MitakeError, parseMitakeReply } from '../../../infra/sms/mitake';

const send = (text: string) => interpretSendReply(parseMitakeReply(text));
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as MitakeError;
  }
  throw new Error('expected an error');
};

describe('Mitake reply parsing', () => {
  it('reads a successful SmSend reply', () => {
    expect(send('[1]\r\nmsgid=1234567890\r\nstatuscode=1\r\nAccountPoint=98\r\n')).toEqual({
      msgid: '1234567890',
      statuscode: '1',
      accountPoint: 98,
      duplicate: false,
    });
  });

  it('reads a duplicate clientid reply, LF-only line ends and #-prefixed ids', () => {
    expect(send('[1]\nmsgid=#000000123\nstatuscode=1\nAccountPoint=97\nDuplicate=Y\n')).toMatchObject({
      msgid: '#000000123',
      duplicate: true,
    });
  });

  it('accepts the success-like codes 0 (reserved) to 4 (delivered)', () => {
    for (const code of ['0', '1', '2', '3', '4']) expect(send(`[1]\r\nmsgid=1\r\nstatuscode=${code}\r\n`).statuscode).toBe(code);
  });

  it('turns account-level errors (no [1] section) into non-retryable auth errors', () => {
    for (const code of ['c', 'd', 'e', 'f', 'h', 'k', 'm', 'n', 'p']) {
      const error = errorOf(() => send(`statuscode=${code}\r\nError=whatever\r\n`));
      expect(error).toMatchObject({ kind: 'auth', retryable: false, statuscode: code });
    }
  });

  it('classifies message-level and service errors', () => {
    expect(errorOf(() => send('[1]\r\nstatuscode=v\r\nError=無效的手機號碼\r\n'))).toMatchObject({
      kind: 'rejected',
      retryable: false,
    });
    expect(errorOf(() => send('[1]\r\nstatuscode=u\r\n'))).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('簡訊內容不得為空白'),
    });
    expect(errorOf(() => send('[1]\r\nstatuscode=s\r\n'))).toMatchObject({ kind: 'account', retryable: false });
    for (const code of ['a', 'b', 'r', '*'])
      expect(errorOf(() => send(`statuscode=${code}\r\n`))).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(errorOf(() => send('[1]\r\nstatuscode=Z\r\n'))).toMatchObject({ kind: 'protocol', retryable: true });
    expect(errorOf(() => send('<html>gateway error</html>'))).toMatchObject({ kind: 'protocol', retryable: true });
    expect(errorOf(() => send('[1]\r\nstatuscode=1\r\n'))).toMatchObject({
      kind: 'protocol',
      message: expect.stringContaining('msgid'),
    });
  });

  it('keeps "=" inside values and reads the SmQuery balance', () => {
    expect(parseMitakeReply('statuscode=e\r\nError=a=b\r\n').fields).toEqual({ statuscode: 'e', Error: 'a=b' });
    expect(parseMitakeReply('AccountPoint=12571\r\n').fields).toEqual({ AccountPoint: '12571' });
  });

  it('decodes Big5 replies with or without a declared charset', () => {
    const big5 = Uint8Array.from([0xb1, 0x62, 0xb8, 0xb9]); // 帳號
    expect(decodeMitakeBody(big5, 'text/plain; charset=big5')).toBe('帳號');
    expect(decodeMitakeBody(big5, 'text/plain')).toBe('帳號');
    expect(decodeMitakeBody(new TextEncoder().encode('帳號'), null)).toBe('帳號');
  });

  it('maps errors to ApplicationFailure types', () => {
    expect(classifyMitakeError(new MitakeError('m', 'auth', false, 'e'))).toEqual({
      retryable: false,
      type: 'SmsAuthFailed',
      message: 'm',
    });
    expect(classifyMitakeError(new MitakeError('m', 'unavailable', true))).toMatchObject({
      retryable: true,
      type: 'SmsProviderUnavailable',
    });
    expect(classifyMitakeError(new Error('boom'))).toMatchObject({ retryable: true, type: 'SmsSendFailed' });
  });
});
