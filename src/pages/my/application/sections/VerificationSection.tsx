import { View } from '@tarojs/components';
import type { Application } from '@contract/application';
import { VerificationTags } from '@/components/VerificationTags';

/** 数据比对结果: each department's data check, in words and colour. */
export function VerificationSection({ results }: { results: Application['verification'] }) {
  return (
    <View className='card'>
      <View className='card-title'>数据比对结果</View>
      <VerificationTags results={results} />
    </View>
  );
}
