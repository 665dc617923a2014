/** What anyone may read: the calendar, the home card, the server's time, districts and schools. */
import {
  routes,
  type CalendarResponse,
  type DistrictsResponse,
  type HomeCardQuery,
  type HomeCardResponse,
  type SchoolsResponse,
  type ServerTimeResponse,
  type Stage,
} from '@contract/api';
import { call, contract, query } from './call';

export const calendar = (year?: number) => call<CalendarResponse>(routes.calendar + query({ year }), { schema: contract('CalendarResponseSchema') });
export const homeCard = (q: HomeCardQuery) => call<HomeCardResponse>(routes.homeCard + query({ ...q }), { schema: contract('HomeCardResponseSchema') });
export const time = () => call<ServerTimeResponse>(routes.time, { schema: contract('ServerTimeResponseSchema') });
export const districts = (year?: number) => call<DistrictsResponse>(routes.districts + query({ year }), { schema: contract('DistrictsResponseSchema') });
export const schools = (districtCode: string, stage: Stage) => call<SchoolsResponse>(routes.schools(districtCode) + query({ stage }), { schema: contract('SchoolsResponseSchema') });
