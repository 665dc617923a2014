import { Component, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { errorClass, reportError } from '@/services/telemetry';
import { navigation } from '@/services/navigation';
import { NoticeBanner } from '../NoticeBanner';
import { Button } from '../Button';

interface Props {
  /** The page's title: what the host's telemetry is told (never the error's message). */
  page: string;
  children: ReactNode;
}

/** A page whose drawing fails says so and offers the way home, instead of a blank screen; the host's
 *  telemetry hears of it. */
export class RenderGuard extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    reportError({ kind: 'render', code: errorClass(error), where: this.props.page });
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <NoticeBanner tone='error' title='页面暂时无法显示' urgent>
        <View>已填写并保存的内容不会丢失。请回到首页后重新进入；如仍无法显示，请稍后再试。</View>
        <Button variant='primary' onPress={() => void navigation.home()}>
          回到首页
        </Button>
      </NoticeBanner>
    );
  }
}
