import { View } from '@tarojs/components';

export interface StepBarProps {
  steps: string[];
  /** Index of the current step. */
  current: number;
  /** Which steps are really done (same order as steps); only these get a tick. */
  done: boolean[];
}

/**
 * Where the parent is in the journey. A step is ticked (in text as well as colour) only when it is
 * done, not because it comes before the current one: the bar never says a district was chosen
 * when none was.
 */
export function StepBar({ steps, current, done }: StepBarProps) {
  const doneCount = steps.filter((_, i) => done[i]).length;
  return (
    <View className='steps' role='list' aria-label={`办理进度：第 ${current + 1} 步，共 ${steps.length} 步，已完成 ${doneCount} 步`}>
      {steps.map((step, i) => {
        const state = i === current ? 'current' : done[i] ? 'done' : 'todo';
        return (
          <View key={step} role='listitem' className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {done[i] ? `✓ ${step}` : `${i + 1} ${step}${i < current ? '（未完成）' : ''}`}
          </View>
        );
      })}
    </View>
  );
}

/** The steps of the first half of the journey, shared by its pages. */
export const JOURNEY_STEPS = ['刷脸登录', '当前区域', '我的子女', '信息维护', '上传材料'];
