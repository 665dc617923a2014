/** The Hono environment of the enrolment app: the request context every handler reads. */
import type { RequestContext } from '../usecases/context';

export interface AppEnv {
  Variables: {
    ctx: RequestContext;
    /** The bearer token as sent (for logout); never logged. */
    bearer: string | null;
  };
}
