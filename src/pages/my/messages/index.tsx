import { View, Text } from '@tarojs/components';
import { useEffect } from 'react';
import type { ApiError } from '@contract/errors';
import type { Message } from '@contract/messages';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { HelpLinks } from '@/components/HelpLinks';
import { LoadError } from '@/components/LoadError';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { navigation } from '@/services/navigation';
import { useMessagesStore, type PushOutcome } from '@/stores/messages';
import { hostName } from '@/config';
import { routes } from '@/config/routes';
import './index.css';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

export interface MessagesViewProps {
  messages: Message[];
  unread: number | null;
  loading: boolean;
  error: ApiError | null;
  onRetry(): void;
  onOpen(id: string): void;
  onHome(): void;
  push: PushOutcome | null;
  onEnablePush(): void;
}

function pushText(push: PushOutcome): string {
  switch (push.state) {
    case 'on':
      return `已开启${push.kinds.length}类消息提醒，将通过${hostName()}通知您（只含孩子的姓氏等脱敏信息，详情请在此查看）`;
    case 'off':
      return '您未允许消息提醒，结果和截止提醒仍会在这里显示';
    case 'unavailable':
      return `当前${hostName()}版本不支持消息提醒，请留意本页的消息`;
    case 'cancelled':
      return '已取消开启消息提醒';
    case 'failed':
      return push.message;
  }
}

/** The list as the parent reads it: newest first, unread ones marked in words, not by colour alone. */
export function MessagesView({ messages, unread, loading, error, onRetry, onOpen, onHome, push, onEnablePush }: MessagesViewProps) {
  return (
    <Page title='消息'>
      {error ? <LoadError title='暂时无法获取消息' error={error} onRetry={onRetry} /> : null}
      {loading && messages.length === 0 ? (
        <View className='muted' role='status'>
          正在加载…
        </View>
      ) : null}
      {!error && unread !== null && messages.length > 0 ? (
        <View className='muted msg-summary' role='status'>
          {unread > 0 ? `${unread}条未读消息` : '消息均已读'}
        </View>
      ) : null}
      {!loading && !error && messages.length === 0 ? (
        <View className='card'>
          <View className='card-title'>暂无消息</View>
          <View className='muted'>审核结果、补正通知、录取结果、入学确认提醒和通知书发放都会在这里告诉您。</View>
          <Button variant='primary' onPress={onHome}>
            返回首页
          </Button>
        </View>
      ) : null}
      {messages.map((m) => (
        <Button
          key={m.id}
          variant='plain'
          className={`card msg-item${m.read ? '' : ' msg-unread'}`}
          aria-label={`${m.read ? '' : '未读，'}${m.title}，${m.body}，${formatMonthDayTime(toMs(m.createdAt))}`}
          onPress={() => onOpen(m.id)}
        >
          <View className='row'>
            <Text className='msg-title'>{m.title}</Text>
            {m.read ? null : <Text className='tag tag-warn'>未读</Text>}
          </View>
          <View className='msg-body'>{m.body}</View>
          <View className='muted'>{`${formatMonthDayTime(toMs(m.createdAt))} · 查看办件详情 ›`}</View>
        </Button>
      ))}
      <View className='card'>
        <View className='card-title'>消息提醒</View>
        <View className='muted'>{`开启后，审核结果、补正和入学确认截止前一天的提醒也会通过${hostName()}通知您。`}</View>
        {push ? (
          <View className='msg-push' role='status'>
            {pushText(push)}
          </View>
        ) : null}
        {push?.state === 'on' ? null : <Button onPress={onEnablePush}>开启消息提醒</Button>}
      </View>
      <HelpLinks />
    </Page>
  );
}

/** 个人中心 → 消息: tapping one marks it read and opens its application. */
export default function Messages() {
  const { list, unread, loading, error, load, open, push, enablePush } = useMessagesStore();
  useEffect(() => void load(), [load]);
  const onOpen = async (id: string) => {
    const applicationId = await open(id);
    if (applicationId) void navigation.to(routes.application(applicationId));
  };
  return (
    <MessagesView
      messages={list}
      unread={unread}
      loading={loading}
      error={error}
      onRetry={() => void load()}
      onOpen={(id) => void onOpen(id)}
      onHome={() => void navigation.home()}
      push={push}
      onEnablePush={() => void enablePush()}
    />
  );
}
