/** The module's one overload limiter: API calls (services/index.ts) and uploads (upload.ts) share it. */
import { createOverloadLimiter } from './overloadLimiter';
import { queueStatus } from './queue';

export const sharedLimiter = createOverloadLimiter({ onQueue: queueStatus.set });
