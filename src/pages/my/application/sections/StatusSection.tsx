import { View, Text } from '@tarojs/components';
import type { Application } from '@contract/application';
import { STATUS_INFO } from '@/domain/status';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { GREEN_CHANNEL_TAG } from '@/domain/greenChannel';

const TONE_TAG = { default: 'tag-muted', primary: 'tag-info', success: 'tag-ok', warning: 'tag-warn', danger: 'tag-error' } as const;

/** The application at a glance: school, status (text and colour), 绿色通道, number, child, submission time. */
export function StatusSection({ app }: { app: Application }) {
  const status = STATUS_INFO[app.status];
  return (
    <View className='card'>
      <View className='row'>
        <Text className='ad-school'>{app.schoolName}</Text>
        <Text className={`tag ${TONE_TAG[status.tone]}`} data-testid='status'>
          {status.label}
        </Text>
      </View>
      {app.greenChannel ? <Text className='tag tag-info' data-testid='green-channel'>{GREEN_CHANNEL_TAG}</Text> : null}
      <View className='muted'>{`办件编号：${app.number}`}</View>
      <View className='muted'>{`学生：${app.childNameMasked} · ${app.nature === 'private' ? '民办' : '公办'}${app.publicFallback ? '（公办兜底）' : ''}`}</View>
      {app.submittedAt ? <View className='muted'>{`提交时间：${formatMonthDayTime(toMs(app.submittedAt))}`}</View> : null}
    </View>
  );
}
