import { View, Text } from '@tarojs/components';
import type { VerificationResult } from '@contract/child';
import { DATA_KIND_NAMES } from '@/domain/labels';
import { VerificationTag } from '../VerificationTag';
import './index.css';

interface Props {
  results: VerificationResult[];
}

/** 标签提示 (Q6, Q23): one row per shared data kind with its tag (VerificationTag), the department and its message. */
export function VerificationTags({ results }: Props) {
  if (results.length === 0) return <View className='muted'>暂无数据比对结果</View>;
  return (
    <View className='vtags' role='list' aria-label='数据比对结果'>
      {results.map((r) => (
        <View key={r.kind} className='vtag-row' role='listitem'>
          <View className='vtag-head'>
            <Text className='vtag-kind'>{DATA_KIND_NAMES[r.kind]}</Text>
            <VerificationTag status={r.status} subject={DATA_KIND_NAMES[r.kind]} />
          </View>
          <View className='muted'>{`${r.source}：${r.message}`}</View>
        </View>
      ))}
    </View>
  );
}
