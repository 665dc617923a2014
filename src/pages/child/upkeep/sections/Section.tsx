import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One titled card of the form. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='card upkeep-section'>
      <View className='card-title' role='heading' aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  );
}
