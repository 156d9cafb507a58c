import { describe, expect, it } from 'vitest';
import { bookingFormErrors, bookingRequest, emptyBookingForm } from './bookingForm';

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
    const self = bookingRequest('CAR', 'car1', '2026-12-14T00:00:00.000Z', { ...filled, destination: '台南' }, true);
    expect(self).toMatchObject({ selfDrive: true, waitlist: true });
    expect(self).not.toHaveProperty('driverId');
    expect(bookingRequest('VENUE', 'v1', '2026-12-14T00:00:00.000Z', { ...filled, host: '王主任' })).toMatchObject({
      host: '王主任',
    });
  });
});
