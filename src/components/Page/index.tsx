import { View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { useUiStore, selectElder } from '@/stores/ui';
import { queueStatus } from '@/services/queue';
import { QUEUE_MESSAGE } from '@/services/messages';
import { themeStyle } from '@/config';
import { routes } from '@/config/routes';
import { navigation } from '@/services/navigation';
import { reportPageView } from '@/services/telemetry';
import { NoticeBanner } from '../NoticeBanner';
import { Button } from '../Button';
import { RenderGuard } from './RenderGuard';
import './index.css';

interface Props {
  title: string;
  children: ReactNode;
  /** The page is home or 个人中心 itself: its footer leaves out the link to where the parent already is. */
  here?: 'home' | 'my';
}

/**
 * Every page's frame: the host's colours, 长辈版 styles, the page heading, the overload queue notice,
 * a guard that turns a page that fails to draw into a way home, and a footer with the way home and
 * to 个人中心 (我的申请, 长辈版, 退出登录), so no page is a dead end and a grandparent on a shared
 * phone can always reach the settings and log out.
 */
export function Page({ title, children, here }: Props) {
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
      <View className='page-footer' role='navigation' aria-label='页面导航' data-testid='page-footer'>
        {here !== 'home' ? (
          <Button variant='link' onPress={() => void navigation.home()}>
            返回首页
          </Button>
        ) : null}
        {here !== 'my' ? (
          <Button variant='link' onPress={() => void navigation.to(routes.my())}>
            个人中心
          </Button>
        ) : null}
      </View>
    </View>
  );
}
