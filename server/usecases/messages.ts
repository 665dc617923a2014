/**
 * 消息 (issue 15): recording what a parent must know in the transaction of the change, reading the
 * parent's own, and the push step that hands each new message to the host's push port (an outbox:
 * a push is sent only for a committed message, and a message is pushed once).
 */
import type { Message, MessageKind, MessagesResponse, UnreadCount } from '@contract/messages';
import { messageText, pushText } from '@/domain/messages';
import type { MessageRecord, Repositories } from '../ports/store';
import type { Deps, RequestContext } from './context';
import { refuse } from './errors';
import { parentRequest } from './access';

/** How many of the newest messages a parent is shown. */
const MESSAGES_LISTED = 100;
/** Pushes sent per run of the push step. */
const PUSH_BATCH = 500;
export const PUSH_JOB = 'sendPushes';

/**
 * Records `kind` for each application (to its owner) and schedules the push step at `at`. Runs in
 * the caller's transaction: the message exists exactly when the change does.
 */
export async function tell(
  repos: Repositories,
  kind: MessageKind,
  at: string,
  items: Array<{ applicationId: string; detail?: MessageRecord['detail'] }>,
  key = '',
): Promise<number> {
  if (items.length === 0) return 0;
  const added = await repos.messages.record({ kind, key, at, items });
  // Keyed by the newest message too: a frozen QA clock gives many changes the same instant.
  const last = added[added.length - 1];
  if (last) await repos.jobs.schedule({ id: `job-${PUSH_JOB}-${at}-${last}`, kind: PUSH_JOB, key: `${at}|${last}`, runAt: at, payload: {} });
  return added.length;
}

export const messageView = (m: MessageRecord): Message => ({
  id: m.id,
  kind: m.kind,
  ...messageText(m.kind, { childNameMasked: m.childNameMasked, ...m.detail }),
  applicationId: m.applicationId,
  createdAt: m.createdAt,
  read: m.readAt !== null,
});

export async function myMessages(deps: Deps, ctx: RequestContext): Promise<MessagesResponse> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => ({
    messages: (await repos.messages.listByAccount(account.id, MESSAGES_LISTED)).map(messageView),
    unread: await repos.messages.unreadCount(account.id),
  }));
}

export async function myUnreadCount(deps: Deps, ctx: RequestContext): Promise<UnreadCount> {
  const account = parentRequest(deps, ctx);
  return deps.store.read(async (repos) => ({ unread: await repos.messages.unreadCount(account.id) }));
}

export async function markMessageRead(deps: Deps, ctx: RequestContext, id: string): Promise<UnreadCount> {
  const account = parentRequest(deps, ctx);
  return deps.store.transaction(async (repos) => {
    // Another account's message is simply not found: no enumeration.
    if (!(await repos.messages.markRead(account.id, id, ctx.now))) refuse('NOT_FOUND', '没有找到该消息');
    return { unread: await repos.messages.unreadCount(account.id) };
  });
}

/**
 * The push step (a job): every message not yet pushed goes to the host's push port when its owner
 * consented to that kind, with the title and the child's masked name only; the rest are marked done
 * without a push. A failed send fails the job, which is retried: delivery is at least once.
 */
export async function sendPushes(deps: Deps, repos: Repositories, at: string): Promise<{ pushed: number; skipped: number }> {
  let pushed = 0;
  let skipped = 0;
  for (;;) {
    // One read per batch (consent joined in), one write: the city's forfeit or lottery stays quick.
    const batch = await repos.messages.unpushed(PUSH_BATCH);
    if (batch.length === 0) break;
    for (const m of batch) {
      if (deps.hostPush && m.pushWanted) {
        await deps.hostPush.send({ accountId: m.accountId, applicationId: m.applicationId, kind: m.kind, ...pushText(m.kind, m.childNameMasked), at });
        pushed++;
      } else skipped++;
    }
    await repos.messages.markPushed(batch.map((m) => m.id), at);
    if (batch.length < PUSH_BATCH) break;
  }
  return { pushed, skipped };
}

/** Records the kinds the parent consented to in the host's sheet (replacing the last answer). */
export async function setPushConsent(deps: Deps, ctx: RequestContext, body: { kinds: MessageKind[] }): Promise<{ kinds: MessageKind[] }> {
  const account = parentRequest(deps, ctx);
  const kinds = [...new Set(body.kinds)];
  await deps.store.transaction((repos) => repos.pushConsents.put(account.id, kinds, ctx.now));
  return { kinds };
}
