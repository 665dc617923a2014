import { View, Text } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { LotteryOutcome } from '@contract/lottery';
import type { ApiError } from '@contract/errors';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { HelpLinks } from '@/components/HelpLinks';
import { NoticeBanner } from '@/components/NoticeBanner';
import { drawLottery, keyOf, rankOf, verifyDraw, waitingPositionText } from '@/domain/lottery';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { nextAction } from '@/domain/status';
import { enrolment } from '@/services/enrolment';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplicationsStore } from '@/stores/applications';
import { useClockStore } from '@/stores/clock';
import { useSessionStore } from '@/stores/session';
import './index.css';
import { routes } from '@/config/routes';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

function Hex({ label, value }: { label: string; value: string }) {
  return (
    <View className='lt-hex'>
      <View className='muted'>{label}</View>
      <Text className='lt-hex-value' selectable>
        {value}
      </Text>
    </View>
  );
}

/** 民办摇号结果 and "摇号过程公开可验证": the draw recomputed on this phone with the domain code. */
export default function Lottery() {
  const { id } = usePageParams();
  const [outcome, setOutcome] = useState<LotteryOutcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const app = useApplicationsStore((s) => (id ? s.byId[id] ?? null : null));
  const loadOne = useApplicationsStore((s) => s.loadOne);
  const { calendar, load: loadClock, serverNow } = useClockStore();

  useEffect(() => {
    void loadClock();
    if (!id) return;
    void loadOne(id);
    void useSessionStore.getState().restore().then(() => enrolment.lottery(id)).then((a) => (a.ok ? setOutcome(a.data) : setError(a.error)));
  }, [id, loadOne, loadClock]);

  // Deadlines and the fallback window come from the server's calendar via the domain, never fixed text.
  const next = app && calendar ? nextAction(app, serverNow(), calendar) : null;

  // Recomputed here, not trusted from the server: commitment, seed, order and this child's key.
  const proof = useMemo(() => {
    if (!outcome?.draw) return null;
    const draw = outcome.draw;
    const check = verifyDraw(draw);
    // The rank comes from the order drawn again here, not from the published order (which may be the forged part).
    const redrawn = drawLottery(draw, draw.entrants, draw.publicRandomness, draw.drawnAt);
    const rank = redrawn.ok ? rankOf(redrawn.draw, outcome.pseudonym) : null;
    const entrant = draw.entrants.find((e) => e.pseudonym === outcome.pseudonym);
    const key = entrant ? keyOf(draw.seed, entrant) : null;
    const keyOk = key !== null && key === outcome.key;
    const rankOk = rank !== null && rank.rank === outcome.rank && rank.admitted === outcome.admitted;
    return { check, rank, key, keyOk, rankOk, all: check.valid && keyOk && rankOk };
  }, [outcome]);

  return (
    <Page title='录取结果'>
      {error ? (
        <NoticeBanner tone={error.code === 'OUTSIDE_WINDOW' ? 'info' : 'error'} title='暂无录取结果' urgent>
          <Text>{error.message}</Text>
        </NoticeBanner>
      ) : null}
      {!outcome && !error ? <View className='muted' role='status'>正在加载…</View> : null}
      {outcome ? (
        <View className={`card lt-result ${outcome.admitted ? 'lt-won' : 'lt-lost'}`} data-testid='lottery-result'>
          <View className='lt-verdict'>{outcome.withoutLottery ? '直接录取（报名人数未超过招生计划，无需摇号）' : outcome.admitted ? '摇号录取' : '未录取'}</View>
          {outcome.rank !== null ? <View>{`摇号顺序：第 ${outcome.rank} 位`}</View> : null}
          {!outcome.admitted && outcome.waitingPosition !== null ? <View>{`候补顺序：第 ${outcome.waitingPosition} 位`}</View> : null}
          {!outcome.admitted && outcome.waitingPosition !== null ? <View className='muted' data-testid='waiting-explained'>{waitingPositionText(outcome.waitingPosition).explanation}</View> : null}
          {next ? <View className='lt-next'>{next.text}</View> : null}
          {!outcome.admitted && app && next?.action === 'submit' ? (
            // The fallback is for the same child and stage (幼升小 or 小升初) as the lost application.
            <Button variant='primary' onPress={() => void navigation.to(routes.apply(app.stage))}>
              报名公办学校
            </Button>
          ) : null}
          {id ? (
            <Button variant={outcome.admitted && next?.action === 'confirm' ? 'primary' : 'secondary'} onPress={() => void navigation.to(routes.application(id))}>
              {outcome.admitted && next?.action === 'confirm' ? '去确认入学' : '返回办件详情'}
            </Button>
          ) : null}
        </View>
      ) : null}

      {outcome?.draw && proof ? (
        <View className='card' data-testid='lottery-proof'>
          <View className='card-title'>摇号过程公开可验证</View>
          <View className='muted'>以下数据均已公开。本机按公开的算法重新计算了一遍，结果与公布的一致，即可证明摇号没有被人为干预。</View>
          <Hex label={`① 摇号前公布的名单承诺值（${outcome.draw.entrantCount} 人，招生计划 ${outcome.draw.places} 人，${formatMonthDayTime(toMs(outcome.draw.committedAt))}公布）`} value={outcome.draw.listCommitment} />
          <Hex label='② 摇号后确定的公开随机数' value={outcome.draw.publicRandomness} />
          <Hex label='③ 随机种子 = SHA-256（承诺值 | 公开随机数 | 学校代码）' value={outcome.draw.seed} />
          <Hex label='④ 您孩子的匿名编号（不含姓名、身份证号）' value={outcome.pseudonym} />
          <Hex label='⑤ 您孩子的排序值 = SHA-256（种子 | 匿名编号）' value={proof.key ?? '—'} />
          <View className='lt-checks' role='list' aria-label='本机验证结果'>
            <View role='listitem' className={proof.check.valid ? 'lt-ok' : 'lt-bad'}>{proof.check.valid ? '✓ 名单、种子和全部排序与公布的一致' : `✗ ${proof.check.message}`}</View>
            <View role='listitem' className={proof.keyOk ? 'lt-ok' : 'lt-bad'}>{proof.keyOk ? '✓ 您孩子的排序值与公布的一致' : '✗ 您孩子的排序值与公布的不一致'}</View>
            <View role='listitem' className={proof.rankOk ? 'lt-ok' : 'lt-bad'}>{proof.rankOk && proof.rank ? `✓ 重新计算得到第 ${proof.rank.rank} 位，与公布的结果一致` : '✗ 重新计算的排序与公布的结果不一致'}</View>
          </View>
          {!proof.all ? <NoticeBanner tone='error' title='验证未通过，请拨打区县招生咨询电话反映' urgent /> : null}
        </View>
      ) : null}
      <HelpLinks />
    </Page>
  );
}
