/**
 * 消息 (issue 15): what the server told this parent about their applications, newest first, and the
 * unread count 个人中心 shows. Reading one marks it read on the server (the count follows).
 */
import { create } from 'zustand';
import type { ApiError } from '@contract/errors';
import type { Message } from '@contract/messages';
import { api } from '@/services';
import { useSessionStore } from './session';
import { onDraftScopeLeft } from './persisted';

interface MessagesState {
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

const EMPTY = { list: [] as Message[], unread: null, loaded: false, loading: false, error: null };

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
