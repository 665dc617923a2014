import { View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { useUiStore, selectElder } from '@/stores/ui';
import { queueStatus } from '@/services/queue';
import { QUEUE_MESSAGE } from '@/services/messages';
import { runtimeConfig } from '@/config';
import { NoticeBanner } from '../NoticeBanner';

interface Props {
  title: string;
  children: ReactNode;
}

/** Every page's frame: 长辈版 styles, the page heading, and the overload queue notice. */
export function Page({ title, children }: Props) {
  const elder = useUiStore(selectElder);
  const init = useUiStore((s) => s.init);
  const [queued, setQueued] = useState(queueStatus.get());
  useEffect(() => {
    void init();
    return queueStatus.subscribe(setQueued);
  }, [init]);
  useEffect(() => {
    // The host's telemetry hook, if configured: one page view per page shown (its title, no personal data).
    runtimeConfig().telemetry.pageView?.(title);
  }, [title]);
  return (
    <View className={`page${elder ? ' elder' : ''}`} data-testid='page'>
      <View className='page-title' role='heading' aria-level={1}>
        {title}
      </View>
      {queued ? <NoticeBanner tone='warn' title={QUEUE_MESSAGE} urgent /> : null}
      {children}
    </View>
  );
}
