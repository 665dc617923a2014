/** Display preferences: 长辈版 (elder mode) from the host or the parent's own choice. */
import { create } from 'zustand';
import type { HostUiStyle } from '@contract/bridge';
import { getBridge } from '@/bridge';
import { loadJson, saveJson } from './persisted';

const UI_KEY = 'ui';

interface UiState {
  hostStyle: HostUiStyle;
  /** The parent's own choice overrides the host's; null follows the host. */
  parentChoice: HostUiStyle | null;
  initialised: boolean;
  init(): Promise<void>;
  choose(style: HostUiStyle | null): Promise<void>;
}

export const useUiStore = create<UiState>((set, get) => ({
  hostStyle: 'normal',
  parentChoice: null,
  initialised: false,
  async init() {
    if (get().initialised) return;
    set({ initialised: true });
    const bridge = getBridge();
    const saved = await loadJson<{ parentChoice: HostUiStyle | null }>(UI_KEY);
    set({ parentChoice: saved?.parentChoice ?? null, hostStyle: await bridge.getUiStyle() });
    bridge.onUiStyleChange((hostStyle) => set({ hostStyle }));
  },
  async choose(style) {
    set({ parentChoice: style });
    await saveJson(UI_KEY, { parentChoice: style });
  },
}));

export const selectElder = (state: UiState) => (state.parentChoice ?? state.hostStyle) === 'elder';
