/** Reference data per year: calendar, districts, schools, notes (read-only, from mock/data). */
import type { YearCalendar } from '@contract/calendar';
import type { District, School } from '@contract/district';
import { buildCalendar2024 } from '@/domain/calendar2024';
import { districtsByYear } from '../data/districts';
import { schoolsByYear } from '../data/schools';

const calendars = new Map<number, YearCalendar>();

export function calendarForYear(year: number): YearCalendar {
  const cached = calendars.get(year);
  if (cached) return cached;
  // Only 2024 has a published calendar; other years reuse its shape with that year's districts.
  const calendar = buildCalendar2024(districtsForYear(year).map((d) => d.code));
  calendars.set(year, calendar);
  return calendar;
}

export function districtsForYear(year: number): District[] {
  return districtsByYear[year] ?? districtsByYear[2024];
}

export function schoolsForYear(year: number): School[] {
  return schoolsByYear[year] ?? schoolsByYear[2024];
}
