import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';

export type BannerTone = 'info' | 'ok' | 'warn' | 'error';

const TONE_LABEL: Record<BannerTone, string> = { info: '提示', ok: '成功', warn: '注意', error: '出错了' };

interface Props {
  tone: BannerTone;
  title: string;
  children?: ReactNode;
  /** Announced to screen readers at once (errors, queue); otherwise politely. */
  urgent?: boolean;
}

/** A notice with a text label as well as a colour, so colour is never the only signal. */
export function NoticeBanner({ tone, title, children, urgent }: Props) {
  return (
    <View className={`banner banner-${tone}`} role={urgent ? 'alert' : 'status'} aria-live={urgent ? 'assertive' : 'polite'}>
      <View className='banner-title'>
        <Text>{`【${TONE_LABEL[tone]}】${title}`}</Text>
      </View>
      {children ? <View>{children}</View> : null}
    </View>
  );
}
