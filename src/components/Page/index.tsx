import { View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { useUiStore, selectElder } from '@/stores/ui';
import { queueStatus } from '@/services/queue';
import { QUEUE_MESSAGE } from '@/services/messages';
import { themeStyle } from '@/config';
import { reportPageView } from '@/services/telemetry';
import { NoticeBanner } from '../NoticeBanner';
import { RenderGuard } from './RenderGuard';

interface Props {
  title: string;
  children: ReactNode;
}

/** Every page's frame: the host's colours, 长辈版 styles, the page heading, the overload queue notice,
 *  and a guard that turns a page that fails to draw into a way home. */
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
    reportPageView(title);
  }, [title]);
  return (
    <View className={`page${elder ? ' elder' : ''}`} data-testid='page' style={themeStyle()}>
      <View className='page-title' role='heading' aria-level={1}>
        {title}
      </View>
      {queued ? <NoticeBanner tone='warn' title={QUEUE_MESSAGE} urgent /> : null}
      <RenderGuard page={title}>{children}</RenderGuard>
    </View>
  );
}
