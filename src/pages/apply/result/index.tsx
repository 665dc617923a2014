import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Application } from '@contract/application';
import type { ApiError } from '@contract/errors';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { STATUS_INFO, nextAction } from '@/domain/status';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplicationsStore } from '@/stores/applications';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useClockStore } from '@/stores/clock';
import './index.css';
import { routes } from '@/config/routes';

/** 提交成功 with the 办件编号 the parent quotes on the hotline. */
export default function Result() {
  const { id } = usePageParams();
  const last = useApplyDraftStore((s) => s.lastSubmitted);
  const loadOne = useApplicationsStore((s) => s.loadOne);
  const { calendar, load: loadClock, serverNow } = useClockStore();
  const [app, setApp] = useState<Application | null>(last && last.id === id ? last : null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void loadClock();
    if (!id) return;
    void loadOne(id).then((r) => (r.ok ? setApp(r.application) : setError(r.error)));
  }, [id, loadOne, loadClock]);

  const next = app && calendar ? nextAction(app, serverNow(), calendar) : null;
  return (
    <Page title='提交结果'>
      {app ? (
        <View className='card rs-card'>
          <View className='rs-icon' aria-hidden>
            ✓
          </View>
          <View className='rs-title' role='heading' aria-level={2}>
            提交成功
          </View>
          <View className='rs-label'>办件编号</View>
          <View className='rs-number' data-testid='application-number'>
            {app.number}
          </View>
          <View className='muted'>{`${app.schoolName} · ${STATUS_INFO[app.status].label}`}</View>
          {app.submittedAt ? <View className='muted'>{`提交时间：${formatMonthDayTime(toMs(app.submittedAt))}`}</View> : null}
          {next ? (
            <View className='rs-next'>
              <Text className='rs-next-label'>下一步：</Text>
              {next.text}
              {next.deadlineText && next.who === 'reviewer' ? <View className='muted'>{`预计审核完成：${next.deadlineText}前`}</View> : null}
            </View>
          ) : null}
          <Button variant='primary' onPress={() => void navigation.replace(routes.application(app.id))}>
            查看办件详情
          </Button>
          <Button onPress={() => void navigation.home()}>
            返回首页
          </Button>
        </View>
      ) : error ? (
        <NoticeBanner tone='error' title='暂时无法显示提交结果' urgent>
          <Text>{error.message}</Text>
          <View className='muted'>请到“个人中心—我的申请”查看是否已提交。</View>
          <Button onPress={() => void navigation.to(routes.applications())}>
            查看我的申请
          </Button>
        </NoticeBanner>
      ) : (
        <View className='muted' role='status'>正在加载…</View>
      )}
      <HelpLinks />
    </Page>
  );
}
