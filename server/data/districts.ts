/**
 * District lists by enrolment year. Nothing may assume 41 units forever: 2024 has 41, 2026 has 39
 * (江北 + 渝北 merged into 两江新区 500157). Look a year up here, never import a list directly
 * where the year is a parameter.
 */
import type { District } from '@contract/district';
import { districts2024 } from './districts2024';
import { districts2026 } from './districts2026';

export { districts2024, districts2026 };

export const districtsByYear: Record<number, District[]> = {
  2024: districts2024,
  2026: districts2026,
};

/** The district with this code in this year's list, if any. */
export function findDistrict(year: number, code: string): District | undefined {
  return districtsByYear[year]?.find((d) => d.code === code);
}
