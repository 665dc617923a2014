/** The reference data of this server, from the files beside it (read-only, cached per year). */
import type { MaterialPolicy, MunicipalPolicy, School, YearCalendar } from '@contract/api';
import type { Reference } from '../ports/reference';
import { buildCalendar2024 } from './calendar2024';
import { districtsByYear } from './districts';
import { registrationNotes } from './notes';
import { buildDefaultPolicy } from './policies';
import { municipalPolicyOf } from './municipalPolicy';
import { privateDemand, schoolsByYear } from './schools';
import { ownValue } from '../lib/own';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function createStaticReference(): Reference {
  const calendars = new Map<number, YearCalendar>();
  const schoolIndex = new Map<number, Map<string, School>>();
  const districts = (year: number) => districtsByYear[year] ?? districtsByYear[2024];
  const schools = (year: number) => schoolsByYear[year] ?? schoolsByYear[2024];
  // Built once per district and year (a checklist or an upload asks on every request); frozen, as read-only data.
  const policies = new Map<string, MaterialPolicy>();
  const municipal = new Map<number, MunicipalPolicy>();
  const reference: Reference = {
    municipalPolicy(year) {
      let p = municipal.get(year);
      if (!p) {
        p = deepFreeze(municipalPolicyOf(year, reference.calendar(year)));
        municipal.set(year, p);
      }
      return p;
    },
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
    policy(districtCode, year) {
      const key = `${year}|${districtCode}`;
      let policy = policies.get(key);
      if (!policy) {
        policy = deepFreeze(buildDefaultPolicy(districtCode, year));
        policies.set(key, policy);
      }
      return policy;
    },
    offlineApplicants: (schoolId) => ownValue(privateDemand, schoolId) ?? 0,
  };
  return reference;
}
