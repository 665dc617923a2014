import { STAGES } from '@contract/enums';
import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { HomeCardTarget, Stage } from '@contract/api';
import { STAGE_APPLY_ENTRY, STAGE_GRADE, STAGE_NAMES } from '@/domain/stageLabels';
import { Tabs } from '@/components/Tabs';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { LoadError } from '@/components/LoadError';
import { useSessionStore } from '@/stores/session';
import { useDistrictStore } from '@/stores/district';
import { useHomeCardStore } from '@/stores/homeCard';
import { navigation } from '@/services/navigation';
import './index.css';
import { routes } from '@/config/routes';
import { hostName } from '@/config';

/** Asked again a little after the instant the card may change, spread so phones do not ask at once. */
const REFRESH_SPREAD_MS = 15_000;
/** After a failed refresh the card on screen stays and is asked again this long after (an overloaded server's
 * retryAfter is the client's to honour: src/services/overloadLimiter.ts holds the next call back further). */
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * Home: the phase of the year at the server's time, for the parent's district, and the next step.
 * The server judges the card (types/home.ts, src/domain/guidance.ts), so this first page carries
 * none of the calendar and status rules.
 */
export default function Home() {
  const session = useSessionStore((s) => s.session);
  const restore = useSessionStore((s) => s.restore);
  const currentCode = useDistrictStore((s) => s.currentCode);
  const restoreChoice = useDistrictStore((s) => s.restoreChoice);
  const [stage, setStage] = useState<Stage>('primary');
  // The card is asked for once the kept login and district are read, not once before and once after.
  const [ready, setReady] = useState(false);
  const key = { stage, districtCode: currentCode, signedIn: session !== null };
  const answer = useHomeCardStore((s) => s.cardFor(key));
  const error = useHomeCardStore((s) => s.errorFor(key));
  const loadCard = useHomeCardStore((s) => s.load);
  const load = () => void loadCard(key);

  useEffect(() => {
    void Promise.all([restore(), restoreChoice()]).then(() => setReady(true));
  }, [restore, restoreChoice]);

  // A logged-in parent's card leads with what their own application needs (补正, 入学确认, …).
  useEffect(() => {
    if (ready) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key's parts are the dependencies
  }, [ready, stage, currentCode, key.signedIn]);
  // Back on the home page after acting elsewhere (a submission, a 入学确认): the card may have changed.
  useDidShow(() => {
    if (ready) load();
  });
  // The page changes when a window opens or closes, without a reload. A refresh that failed keeps the
  // card it had and asks again later, so one lost request does not freeze the card until the next show.
  useEffect(() => {
    if (!answer) return;
    const until = error ? RETRY_AFTER_FAILURE_MS : Date.parse(answer.refreshAt) - Date.parse(answer.serverTime);
    const timer = setTimeout(load, Math.max(1000, until + Math.random() * REFRESH_SPREAD_MS));
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new answer or a new failure schedules anew
  }, [answer, error]);

  // The page paints at once: entry tiles and login do not wait for the card, only the card does
  // (parents on a slow network can start at once, and the first paint is the real page).
  const guidance = answer?.card ?? null;
  const go = (url: string) => void navigation.to(url);
  const cardRoute = (target: HomeCardTarget, applicationId: string | null): string => {
    switch (target) {
      case 'application':
        return applicationId ? routes.application(applicationId) : routes.applications();
      case 'notice':
        return applicationId ? routes.notice(applicationId) : routes.applications();
      case 'apply':
        return routes.apply(stage);
      case 'upkeep':
        return routes.upkeep();
      case 'district':
        return routes.district();
    }
  };

  return (
    <Page title='义务教育入学一件事' here='home'>
      <Tabs label='报名学段' tabs={STAGES.map((s) => ({ id: s, title: `${STAGE_NAMES[s]}（${STAGE_GRADE[s]}）` }))} selected={stage} onSelect={setStage} />

      {guidance ? (
        <View className={`card phase-card phase-${guidance.tone}`} data-testid='phase-card' data-phase={guidance.phase ?? 'none'}>
          <View className='muted'>{answer?.districtName ? `当前区域：${answer.districtName}` : '尚未选择当前区域（显示全市日程）'}</View>
          <View className='phase-title' role='heading' aria-level={2}>
            {guidance.title}
          </View>
          <View className='phase-detail'>{guidance.detail}</View>
          {guidance.deadlineText ? <View className='phase-deadline'>{guidance.deadlineText}</View> : null}
          <View className='phase-next'>
            <Text className='phase-next-label'>下一步：</Text>
            {guidance.nextStep}
          </View>
          {guidance.reassurance ? <View className='muted phase-reassure'>{guidance.reassurance}</View> : null}
          {guidance.action ? (
            <Button variant='primary' onPress={() => go(cardRoute(guidance.action!.target, guidance.applicationId))}>
              {guidance.action.label}
            </Button>
          ) : null}
        </View>
      ) : error ? (
        <View className='phase-pending'>
          <LoadError title='暂时无法获取招生日程' error={error} onRetry={load} />
        </View>
      ) : (
        <View className='card phase-card phase-loading' data-testid='phase-card-loading'>
          <View className='phase-title' role='heading' aria-level={2}>
            招生日程
          </View>
          <View className='muted' role='status'>
            正在获取招生日程…
          </View>
        </View>
      )}

      {!session ? (
        <View className='card'>
          <View className='card-title'>刷脸登录</View>
          <View className='muted'>{`通过${hostName()}刷脸核验家长身份后，系统会自动查找您在重庆出生的适龄子女。`}</View>
          <Button variant='primary' onPress={() => go(routes.login())}>
            刷脸登录
          </Button>
        </View>
      ) : (
        <View className='card'>
          <View className='card-title'>您好，{session.parent.nameMasked}</View>
          <View className='muted'>身份已核验，可以继续办理。</View>
        </View>
      )}

      <View className='card'>
        <View className='card-title'>办理入口</View>
        <View className='tiles'>
          <Button variant='tile' onPress={() => go(routes.district())}>当前区域</Button>
          <Button variant='tile' onPress={() => go(routes.children())}>我的子女</Button>
          <Button variant='tile' onPress={() => go(routes.upkeep())}>子女信息维护</Button>
          <Button variant='tile' onPress={() => go(routes.apply(stage))}>{STAGE_APPLY_ENTRY[stage]}</Button>
          <Button variant='tile' onPress={() => go(routes.applications())}>我的申请</Button>
          <Button variant='tile' onPress={() => go(routes.help())}>
            {/* Two words that may wrap between them, never inside one (a narrow phone, 长辈版's larger type). */}
            <Text className='tile-word'>政策查看</Text>
            <Text className='tile-sep'> · </Text>
            <Text className='tile-word'>联系我们</Text>
          </Button>
        </View>
      </View>
    </Page>
  );
}
