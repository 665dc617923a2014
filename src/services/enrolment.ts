/**
 * Read-only answers a single page shows (a school list, a checklist, a lottery result, a notice, a
 * report code, the report-key): the API calls pages need, behind a service so pages never hold the
 * client (lint: src/pages may not import `api`). Writes and shared state go through the stores.
 */
import type { MaterialsQuery, Stage } from '@contract/api';
import * as api from './api';

export const enrolment = {
  schools: (districtCode: string, stage: Stage) => api.schools(districtCode, stage),
  checklist: (q: MaterialsQuery) => api.materials(q),
  lottery: (applicationId: string) => api.lottery(applicationId),
  notice: (applicationId: string) => api.notice(applicationId),
  reportCode: (childId: string) => api.reportCode(childId),
  publicKey: () => api.publicKey(),
};
