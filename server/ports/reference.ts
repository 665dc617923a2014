/** The year's published reference data: calendar, districts, schools, 申报须知, material policies. */
import type { MaterialPolicy, MunicipalPolicy, School, SchoolType, Stage, YearCalendar, District } from '@contract/api';

export interface Reference {
  calendar(year: number): YearCalendar;
  districts(year: number): District[];
  district(year: number, code: string): District | null;
  /** 政策查看's municipal policy (市教委) for the year. */
  municipalPolicy(year: number): MunicipalPolicy;
  schools(year: number): School[];
  school(year: number, id: string): School | null;
  notes(district: District, stage: Stage): Partial<Record<SchoolType, string[]>>;
  policy(districtCode: string, year: number): MaterialPolicy;
  /** Applicants a private school registered at the district's offline points (they join its draw). */
  offlineApplicants(schoolId: string): number;
}
