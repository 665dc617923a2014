import { View } from '@tarojs/components';

export interface StepBarProps {
  steps: string[];
  /** Index of the current step. */
  current: number;
}

/** Where the parent is in the journey; done steps are marked in text as well as colour. */
export function StepBar({ steps, current }: StepBarProps) {
  return (
    <View className='steps' role='list' aria-label={`办理进度：第 ${current + 1} 步，共 ${steps.length} 步`}>
      {steps.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <View key={step} role='listitem' className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {state === 'done' ? `✓ ${step}` : `${i + 1} ${step}`}
          </View>
        );
      })}
    </View>
  );
}

/** The steps of the first half of the journey, shared by its pages. */
export const JOURNEY_STEPS = ['刷脸登录', '当前区域', '我的子女', '信息维护', '上传材料'];
