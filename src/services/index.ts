/** The module's one API instance, wired to the host bridge, the session token and the queue notice. */
import { getBridge } from '@/bridge';
import { createApiClient } from './http';
import { createEnrolmentApi } from './api';
import { auth } from './auth';
import { queueStatus } from './queue';
import { sharedLimiter } from './sharedLimiter';
import { apiRoute, reportError } from './telemetry';

export const api = createEnrolmentApi(
  createApiClient({
    bridge: getBridge,
    token: auth.token,
    onUnauthenticated: auth.expired,
    onQueue: queueStatus.set,
    limiter: sharedLimiter,
    onFailure: ({ method, url, code, status }) => reportError({ kind: 'api', code, where: apiRoute(method, url), status }),
  }),
);
export type { ApiResult } from './http';
