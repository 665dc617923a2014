import { View, Text } from '@tarojs/components';
import type { ReviewPromise } from '@/domain/review';

/** 审核时限: by when the district owes a decision, flagged once it is past. */
export function ReviewPromiseSection({ promise }: { promise: ReviewPromise }) {
  return (
    <View className={`card ad-promise${promise.overdue ? ' ad-promise-overdue' : ''}`} data-testid='review-promise'>
      <View className='row'>
        <Text className='card-title'>审核时限</Text>
        {promise.overdue ? <Text className='tag tag-warn'>已超过审核时限</Text> : null}
      </View>
      <View>{promise.text}</View>
    </View>
  );
}
