import { View } from '@tarojs/components';
import type { Application } from '@contract/application';
import { Timeline } from '@/components/Timeline';

/** 办理进度: every step of the application, newest first. */
export function HistorySection({ history }: { history: Application['history'] }) {
  return (
    <View className='card'>
      <View className='card-title'>办理进度</View>
      <Timeline history={history} />
    </View>
  );
}
