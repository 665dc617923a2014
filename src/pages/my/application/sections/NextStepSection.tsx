import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { NextAction } from '@/domain/status';

export interface NextStepSectionProps {
  next: NextAction;
  /** The 绿色通道's shorter review promise, while a reviewer acts next on such an application. */
  greenPromise: string | null;
  /** The deadline line is shown (not when the confirmation or the review promise says it already). */
  showDeadline: boolean;
  /** The step's actions: confirmation, withdrawal, where to go next. */
  children: ReactNode;
}

/** 下一步: what happens next, who acts, by when, and the parent's actions. */
export function NextStepSection({ next, greenPromise, showDeadline, children }: NextStepSectionProps) {
  return (
    <View className='card ad-next' data-testid='next-action'>
      <View className='card-title'>下一步</View>
      <View>{next.text}</View>
      {greenPromise ? <View className='ad-green' data-testid='green-channel-promise'>{greenPromise}</View> : null}
      {showDeadline && next.deadlineText ? <View className='ad-deadline'>{`${next.who === 'reviewer' ? '预计审核完成' : '截止时间'}：${next.deadlineText}`}</View> : null}
      {children}
    </View>
  );
}
