import { View, Text } from '@tarojs/components';
import type { HistoryItem } from '@contract/application';
import { ACTION_LABELS, ACTOR_NAMES, STATUS_INFO } from '@/domain/status';
import { formatMonthDayTime, toMs } from '@/domain/time';
import './index.css';

interface Props {
  history: HistoryItem[];
}

/**
 * 办件历史 (Q26): every step with its time, who acted and any note, newest first. Ordered by the
 * entry's sequence, not its time: steps stamped at the same instant (创建申请 then 提交报名) keep
 * the order they happened in.
 */
export function Timeline({ history }: Props) {
  const entries = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <View className='timeline' role='list' aria-label='办理进度'>
      {entries.map((entry, i) => (
        <View key={entry.seq} className={`timeline-item${i === 0 ? ' timeline-latest' : ''}`} role='listitem'>
          <View className='timeline-dot' aria-hidden />
          <View className='timeline-body'>
            <View className='timeline-head'>
              <Text className='timeline-action'>{entry.action === 'create' ? '创建申请' : ACTION_LABELS[entry.action]}</Text>
              <Text className='timeline-status'>{STATUS_INFO[entry.to].label}</Text>
            </View>
            <View className='timeline-meta'>
              <Text>{formatMonthDayTime(toMs(entry.at))}</Text>
              <Text>{` · ${ACTOR_NAMES[entry.actor]}`}</Text>
            </View>
            {entry.note ? <View className='timeline-note'>{entry.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
