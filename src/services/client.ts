/** The module's one API client, wired to the host bridge, the session token, the queue notice and telemetry. */
import { getBridge } from '@/bridge';
import { createApiClient } from './http';
import { auth } from './auth';
import { queueStatus } from './queue';
import { sharedLimiter } from './sharedLimiter';
import { apiRoute, reportError } from './telemetry';

export const apiClient = createApiClient({
  bridge: getBridge,
  token: auth.token,
  onUnauthenticated: auth.expired,
  onQueue: queueStatus.set,
  limiter: sharedLimiter,
  onFailure: ({ method, url, code, status }) => reportError({ kind: 'api', code, where: apiRoute(method, url), status }),
});
