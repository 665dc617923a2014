/** The append-only audit log: who did what, when, to which record (never personal data). */
import type { AuditRecord, Repositories } from '../ports/store';
import type { RequestContext } from './context';

export function audit(
  repos: Repositories,
  ctx: RequestContext,
  entry: Omit<AuditRecord, 'at' | 'traceId' | 'beforeStatus' | 'afterStatus' | 'detail'> & Partial<Pick<AuditRecord, 'beforeStatus' | 'afterStatus' | 'detail'>>,
): Promise<void> {
  return repos.audit.append({ beforeStatus: null, afterStatus: null, detail: {}, ...entry, at: ctx.now, traceId: ctx.traceId });
}
