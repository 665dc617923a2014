import { View, Text } from '@tarojs/components';
import type { ApiError } from '@contract/errors';
import { NoticeBanner } from '@/components/NoticeBanner';

export interface OutcomeBannerProps {
  /** What the last action did, once it went through. */
  done: string | null;
  /** Why it did not; `uncertain` when the answer was lost and it may have gone through. */
  failed: { error: ApiError; uncertain: boolean } | null;
}

/** The answer to the last action (确认入学, 撤回, 补正): done, refused, or not known yet. */
export function OutcomeBanner({ done, failed }: OutcomeBannerProps) {
  return (
    <>
      {done ? <NoticeBanner tone='ok' title={done} /> : null}
      {failed ? (
        <NoticeBanner tone={failed.uncertain ? 'warn' : 'error'} title={failed.uncertain ? '网络不稳定，暂未确认是否办理成功' : '操作未成功'} urgent>
          <Text>{failed.error.message}</Text>
          {failed.uncertain ? <View className='muted'>请稍后重试，重复操作不会重复办理。</View> : null}
        </NoticeBanner>
      ) : null}
    </>
  );
}
