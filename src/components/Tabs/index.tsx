import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useRoving } from '../roving';
import { useDomId } from '../useDomId';
import './index.css';

export interface TabsProps<T extends string> {
  /** Names the tab list, e.g. 报名学段. */
  label: string;
  tabs: Array<{ id: T; title: string }>;
  selected: T;
  onSelect: (id: T) => void;
  /** The selected tab's panel. */
  children?: ReactNode;
}

/**
 * Tabs as govuk-frontend's: a tablist whose selected tab is in the tab order (aria-selected),
 * left/right arrows move to and show the next tab, the panel is labelled by its tab.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: TabsProps<T>) {
  const base = useDomId();
  const roving = useRoving(tabs.length, tabs.findIndex((t) => t.id === selected), (i) => onSelect(tabs[i].id));
  return (
    <View className='tabs'>
      <View className='tabs-list' role='tablist' aria-label={label}>
        {tabs.map((t, i) => {
          const on = t.id === selected;
          return (
            <View
              key={t.id}
              ref={roving.ref(i)}
              id={`${base}-tab-${t.id}`}
              role='tab'
              tabIndex={roving.tabIndex(i)}
              aria-selected={on}
              aria-controls={children !== undefined ? `${base}-panel` : undefined}
              className={`tabs-tab${on ? ' tabs-tab-selected' : ''}`}
              onKeyDown={roving.onKeyDown(i)}
              onClick={() => onSelect(t.id)}
            >
              {t.title}
            </View>
          );
        })}
      </View>
      {children !== undefined ? (
        <View id={`${base}-panel`} role='tabpanel' aria-labelledby={`${base}-tab-${selected}`} className='tabs-panel'>
          {children}
        </View>
      ) : null}
    </View>
  );
}
