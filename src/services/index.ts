/**
 * The enrolment API as the app calls it: `import * as api from '@/services/api'` (a namespace the
 * build tree-shakes, so a page's bundle carries only the calls it makes), on the one client of
 * ./client.ts.
 */
export type { ApiResult } from './http';
