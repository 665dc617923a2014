/**
 * 消息 (issue 15): what the server told this parent about their applications, newest first, and the
 * unread count 个人中心 shows. Reading one marks it read on the server (the count follows).
 */
import { create } from 'zustand';
import type { ApiError } from '@contract/errors';
import type { Message } from '@contract/messages';
import { MESSAGE_KINDS, type MessageKindName } from '@contract/enums';
import * as api from '@/services/api';
import { host } from '@/services/host';
import { useSessionStore } from './session';
import { onDraftScopeLeft } from './persisted';

/** What asking for pushes came to, for the page to say. */
export type PushOutcome = { state: 'on'; kinds: MessageKindName[] } | { state: 'off' } | { state: 'unavailable' } | { state: 'cancelled' } | { state: 'failed'; message: string };

/** The reason the host's consent sheet shows. */
export const PUSH_REASON = '审核结果、补正通知、录取结果、入学确认提醒和通知书发放';

interface MessagesState {
  push: PushOutcome | null;
  /** Asks the host for consent (its sheet), then tells the server which kinds may be pushed. Call it from the parent's tap. */
  enablePush(): Promise<PushOutcome>;
  list: Message[];
  unread: number | null;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  /** The count only (个人中心's row); quiet on failure: the row then shows no number. */
  loadUnread(): Promise<void>;
  /** Marks it read (locally at once, then on the server) and answers its application. */
  open(id: string): Promise<string | null>;
}

const EMPTY = { list: [] as Message[], unread: null, loaded: false, loading: false, error: null, push: null };

export const useMessagesStore = create<MessagesState>((set, get) => ({
  ...EMPTY,
  async load() {
    set({ loading: true, error: null });
    await useSessionStore.getState().restore();
    const answer = await api.messages();
    if (!answer.ok) return set({ loading: false, error: answer.error });
    set({ loading: false, loaded: true, list: answer.data.messages, unread: answer.data.unread });
  },
  async loadUnread() {
    await useSessionStore.getState().restore();
    if (!useSessionStore.getState().session) return set({ unread: null });
    const answer = await api.unreadCount();
    set({ unread: answer.ok ? answer.data.unread : null });
  },
  async enablePush() {
    const consent = await host.requestNotifyConsent({ kinds: [...MESSAGE_KINDS], reason: PUSH_REASON });
    let push: PushOutcome;
    if (!consent.ok) push = consent.error.kind === 'cancelled' ? { state: 'cancelled' } : consent.error.kind === 'unavailable' ? { state: 'unavailable' } : { state: 'failed', message: '暂时无法开启消息提醒，请稍后重试' };
    else {
      const saved = await api.setPushConsent({ kinds: consent.value.accepted });
      push = !saved.ok ? { state: 'failed', message: saved.error.message } : saved.data.kinds.length ? { state: 'on', kinds: saved.data.kinds } : { state: 'off' };
    }
    set({ push });
    return push;
  },
  async open(id) {
    const message = get().list.find((m) => m.id === id);
    if (!message) return null;
    if (!message.read) {
      set((s) => ({ list: s.list.map((m) => (m.id === id ? { ...m, read: true } : m)), unread: Math.max(0, (s.unread ?? 1) - 1) }));
      const answer = await api.markMessageRead(id);
      // The server's count is the truth (another device may have read some).
      if (answer.ok) set({ unread: answer.data.unread });
    }
    return message.applicationId;
  },
}));

// Another parent on this phone must not see the previous one's messages.
onDraftScopeLeft(() => useMessagesStore.setState({ ...EMPTY }));
// Logged out on a shared phone: the messages go with the session at once (not only at the next login).
useSessionStore.subscribe((s, before) => {
  if (before.session && !s.session) useMessagesStore.setState({ ...EMPTY });
});
