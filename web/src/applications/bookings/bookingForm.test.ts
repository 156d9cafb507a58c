import { describe, expect, it } from 'vitest';
import { bookingFormErrors, bookingRequest, emptyBookingForm, formFieldErrors } from './bookingForm';

const filled = { ...emptyBookingForm('2991111', '123'), endsAt: '2026-12-14T04:00:00.000Z', headcount: '10', reason: '會議' };

describe('申請資訊 checks', () => {
  it('names every missing field of a venue booking in the manual’s words', () => {
    expect(bookingFormErrors('VENUE', emptyBookingForm(), 30)).toEqual({
      endsAt: '請選擇結束時段',
      phone: '請輸入登記者公務電話',
      phoneExt: '請輸入登記者分機',
      headcount: '請輸入與會人數',
      reason: '請輸入申請事由',
      host: '請輸入主持人',
    });
    expect(bookingFormErrors('VENUE', { ...filled, host: '王主任' }, 30)).toEqual({});
  });

  it('keeps 與會人數 within 容納人數 and 乘坐人數 within 乘客人數上限', () => {
    expect(bookingFormErrors('VENUE', { ...filled, host: '王主任', headcount: '31' }, 30).headcount).toBe(
      '與會人數不可超過容納人數（30 人）',
    );
    expect(bookingFormErrors('CAR', { ...filled, destination: '台南', headcount: '5' }, 4).headcount).toBe(
      '乘坐人數(不含司機)不可超過乘客人數上限（4 人）',
    );
    expect(bookingFormErrors('CAR', { ...filled, destination: '台南', headcount: '-1' }, 4).headcount).toBe(
      '請輸入乘坐人數(不含司機)',
    );
  });

  it('asks a car booking for 目的地, and for a driver when 派遣司機 is 是', () => {
    expect(bookingFormErrors('CAR', { ...filled, headcount: '3', dispatch: 'yes' }, 4)).toEqual({
      destination: '請輸入目的地',
      driverId: '請選擇派遣司機',
    });
  });

  it('sends the car’s driver or 自駕, and a venue’s 主持人', () => {
    const car = bookingRequest('CAR', 'car1', '2026-12-14T00:00:00.000Z', {
      ...filled,
      destination: ' 台南 ',
      dispatch: 'yes',
      driverId: 'd1',
    });
    expect(car).toMatchObject({ kind: 'CAR', destination: '台南', selfDrive: false, driverId: 'd1', headcount: 10 });
    const self = bookingRequest(
      'CAR',
      'car1',
      '2026-12-14T00:00:00.000Z',
      { ...filled, destination: '台南' },
      {
        waitlist: true,
      },
    );
    expect(self).toMatchObject({ selfDrive: true, waitlist: true });
    expect(self).not.toHaveProperty('driverId');
    expect(bookingRequest('VENUE', 'v1', '2026-12-14T00:00:00.000Z', { ...filled, host: '王主任' })).toMatchObject({
      host: '王主任',
    });
  });

  it('重複: asks 次數 2–12 and sends repeat (and 略過衝突日期) only when repeating', () => {
    const venue = { ...filled, host: '王主任' };
    expect(bookingFormErrors('VENUE', { ...venue, repeat: 'WEEK', repeatCount: '13' }, 30)).toEqual({
      repeatCount: '重複次數須為 2 至 12 次',
    });
    expect(bookingFormErrors('VENUE', { ...venue, repeat: 'NONE', repeatCount: '' }, 30)).toEqual({});
    const once = bookingRequest('VENUE', 'v1', '2026-12-14T00:00:00.000Z', venue, { skipConflicts: true });
    expect(once).not.toHaveProperty('repeat');
    expect(once).not.toHaveProperty('skipConflicts');
    const weekly = bookingRequest(
      'VENUE',
      'v1',
      '2026-12-14T00:00:00.000Z',
      { ...venue, repeat: 'MONTH', repeatCount: '6' },
      {
        skipConflicts: true,
      },
    );
    expect(weekly).toMatchObject({ repeat: { every: 'MONTH', count: 6 }, skipConflicts: true });
  });

  it('puts the server’s 重複 errors on the form’s own fields', () => {
    expect(formFieldErrors({ 'repeat.count': '重複次數須為整數', host: '請填寫主持人' })).toEqual({
      repeatCount: '重複次數須為整數',
      host: '請填寫主持人',
    });
    expect(formFieldErrors({ 'repeat.every': '請選擇重複方式（每週或每月）' })).toEqual({
      repeat: '請選擇重複方式（每週或每月）',
    });
  });
});
