/** The reference data of this server, from the files beside it (read-only, cached per year). */
import type { School, YearCalendar } from '@contract/api';
import type { Reference } from '../ports/reference';
import { buildCalendar2024 } from './calendar2024';
import { districtsByYear } from './districts';
import { registrationNotes } from './notes';
import { buildDefaultPolicy } from './policies';
import { privateDemand, schoolsByYear } from './schools';
import { ownValue } from '../lib/own';

export function createStaticReference(): Reference {
  const calendars = new Map<number, YearCalendar>();
  const schoolIndex = new Map<number, Map<string, School>>();
  const districts = (year: number) => districtsByYear[year] ?? districtsByYear[2024];
  const schools = (year: number) => schoolsByYear[year] ?? schoolsByYear[2024];
  return {
    calendar(year) {
      let cal = calendars.get(year);
      if (!cal) {
        // Only 2024 has a published calendar; other years reuse its shape with that year's districts.
        cal = buildCalendar2024(districts(year).map((d) => d.code));
        calendars.set(year, cal);
      }
      return cal;
    },
    districts,
    district: (year, code) => districts(year).find((d) => d.code === code) ?? null,
    schools,
    school(year, id) {
      let index = schoolIndex.get(year);
      if (!index) {
        index = new Map(schools(year).map((s) => [s.id, s]));
        schoolIndex.set(year, index);
      }
      return index.get(id) ?? null;
    },
    notes: registrationNotes,
    policy: buildDefaultPolicy,
    offlineApplicants: (schoolId) => ownValue(privateDemand, schoolId) ?? 0,
  };
}
