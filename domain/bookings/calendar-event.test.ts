import { describe, expect, it } from 'vitest';
import { calendarEventText, resourceLabel, type CalendarBooking } from './calendar-event';

const venueBooking: CalendarBooking = {
  kind: 'VENUE',
  reason: '業務會報',
  host: '王主任',
  destination: null,
  resource: { kind: 'VENUE', name: '第一會議室', vehicleType: null, floor: '10樓', location: { name: '民治市政中心' } },
  driver: null,
  agency: { id: 'a1', name: '智慧發展中心' },
  unit: { id: 'u1', name: '應用服務科' },
  applicant: { name: '林美訂' },
};

const carBooking: CalendarBooking = {
  ...venueBooking,
  kind: 'CAR',
  reason: '會勘',
  host: null,
  destination: '安平區公所',
  resource: { kind: 'CAR', name: 'RAA-1234', vehicleType: '小客車', floor: null, location: { name: '永華市政中心' } },
  driver: { name: '黃司機' },
};

describe('行事曆訂閱: what a calendar shows of a booking', () => {
  it('names a venue by 場地名稱, a car by 車型 車號, a driver as 派遣司機', () => {
    expect(resourceLabel(venueBooking.resource)).toBe('第一會議室');
    expect(resourceLabel(carBooking.resource)).toBe('小客車 RAA-1234');
    expect(resourceLabel({ kind: 'CAR', name: 'RAA-1234', vehicleType: null })).toBe('RAA-1234');
    expect(resourceLabel({ kind: 'DRIVER', name: '黃司機', vehicleType: null })).toBe('派遣司機 黃司機');
  });

  it('a venue booking: 場地名稱｜申請事由, 所在地 所在樓層, and 借用單位, 登記者, 主持人', () => {
    expect(calendarEventText(venueBooking)).toEqual({
      summary: '第一會議室｜業務會報',
      location: '民治市政中心 10樓',
      description: '申請事由：業務會報\n借用單位：智慧發展中心 應用服務科\n登記者：林美訂\n主持人：王主任',
    });
  });

  it('a car booking: 車型 車號｜申請事由, 所在地, and 目的地 and 派遣司機 instead of 主持人', () => {
    const text = calendarEventText(carBooking);
    expect(text.summary).toBe('小客車 RAA-1234｜會勘');
    expect(text.location).toBe('永華市政中心');
    expect(text.description.split('\n')).toEqual([
      '申請事由：會勘',
      '借用單位：智慧發展中心 應用服務科',
      '登記者：林美訂',
      '目的地：安平區公所',
      '派遣司機：黃司機',
    ]);
  });

  it('a booking by the agency itself names the agency once; a venue without 主持人 leaves the line out', () => {
    const text = calendarEventText({ ...venueBooking, host: null, unit: { id: 'a1', name: '智慧發展中心' } });
    expect(text.description).toBe('申請事由：業務會報\n借用單位：智慧發展中心\n登記者：林美訂');
  });
});
