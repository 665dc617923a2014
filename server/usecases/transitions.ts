/** The domain state machine applied to stored applications: the one way a status changes. */
import type { ApplicationAction, Actor, HistoryEntry } from '@contract/api';
import { applyTransition } from '@/domain/status';
import type { Repositories, StoredApplication } from '../ports/store';
import type { Deps } from './context';
import { calendarOf } from './access';
import { refuse } from './errors';

/** The next stored row and the one history entry the transition appends; refuses as the domain says. */
export function transitionOf(
  deps: Deps,
  app: StoredApplication,
  action: ApplicationAction,
  actor: Actor,
  now: string,
  note?: string,
): { next: StoredApplication; entry: HistoryEntry } {
  const r = applyTransition({ ...app, history: [] }, action, actor, now, calendarOf(deps), note);
  if (!r.ok) refuse(r.code, r.message);
  const { history, ...rest } = r.application;
  // The store keeps entries in the order they are appended; seq is numbered when read (publicApplication).
  const { seq: _position, ...entry } = history[0];
  return { next: { ...(rest as StoredApplication), accountId: app.accountId, approvedChildName: app.approvedChildName }, entry };
}

/** transitionOf, written. */
export async function move(deps: Deps, repos: Repositories, app: StoredApplication, action: ApplicationAction, actor: Actor, now: string, note?: string): Promise<StoredApplication> {
  const { next, entry } = transitionOf(deps, app, action, actor, now, note);
  await repos.applications.update(next, [entry]);
  return next;
}
