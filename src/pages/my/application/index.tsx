import { View, Text } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Application } from '@contract/application';
import type { ApiError } from '@contract/errors';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { LoadError } from '@/components/LoadError';
import { HelpLinks } from '@/components/HelpLinks';
import { Timeline } from '@/components/Timeline';
import { Countdown } from '@/components/Countdown';
import { VerificationTags } from '@/components/VerificationTags';
import { Uploader } from '@/components/Uploader';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorSummary } from '@/components/ErrorSummary';
import { STATUS_INFO, nextAction } from '@/domain/status';
import { MATERIAL_NAMES } from '@/domain/labels';
import { formatDeadline, formatMonthDayTime, toMs } from '@/domain/time';
import { reviewPromise } from '@/domain/review';
import { GREEN_CHANNEL_TAG, greenChannelPromise } from '@/domain/greenChannel';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplicationsStore, type ResubmitDraft } from '@/stores/applications';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useUploadLimit } from '@/stores/materials';
import { useClockStore } from '@/stores/clock';
import './index.css';
import { routes } from '@/config/routes';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

const TONE_TAG = { default: 'tag-muted', primary: 'tag-info', success: 'tag-ok', warning: 'tag-warn', danger: 'tag-error' } as const;

/** 个人中心 → 我的申请 → 办件详情 (Q26): status, history, tags, the next step and its actions. */
export default function ApplicationDetail() {
  const { id } = usePageParams();
  const { loadOne, withdraw, confirm, loadResubmit, saveResubmit, resubmit, busy } = useApplicationsStore();
  const app = useApplicationsStore((s) => (id ? s.byId[id] ?? null : null));
  const { calendar, load: loadClock, serverNow } = useClockStore();
  const fromApplication = useApplyDraftStore((s) => s.fromApplication);
  const [error, setError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<{ error: ApiError; uncertain: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [fix, setFix] = useState<ResubmitDraft>({ materials: {}, attemptKey: null });
  const [askWithdraw, setAskWithdraw] = useState(false);
  // Binding answers ask once: 确认入学 (public or private) shows what it binds before it is sent.
  const [askConfirm, setAskConfirm] = useState(false);
  // Taps on 提交补正材料 before every item is uploaded: each one moves the focus to what is missing.
  const [fixAttempt, setFixAttempt] = useState(0);
  const [, rerender] = useState(0);
  // The application's own district policy decides how large a re-uploaded image may be.
  const limit = useUploadLimit(app ? { districtCode: app.districtCode, stage: app.stage, schoolType: app.schoolType, source: app.source } : null);

  const refresh = useCallback(async () => {
    if (!id) return;
    const r = await loadOne(id);
    setError(r.ok ? null : r.error);
  }, [id, loadOne]);

  useEffect(() => {
    void loadClock();
    void refresh();
    if (id) void loadResubmit(id).then(setFix);
  }, [id, loadClock, refresh, loadResubmit]);

  const onPassed = useCallback(() => {
    rerender((n) => n + 1);
    void refresh();
  }, [refresh]);

  if (!id) return <Page title='办件详情'><NoticeBanner tone='error' title='没有指定办件，请从“我的申请”进入' urgent /></Page>;
  if (!app || !calendar) {
    return (
      <Page title='办件详情'>
        {error ? (
          <LoadError title='暂时无法获取办件' error={error} onRetry={() => void refresh()} />
        ) : (
          <View className='muted' role='status'>正在加载…</View>
        )}
      </Page>
    );
  }

  const now = serverNow();
  const next = nextAction(app, now, calendar);
  const status = STATUS_INFO[app.status];
  const confirmable = next.action === 'confirm' && next.deadline !== null && toMs(now) < toMs(next.deadline);
  const privateConfirm = app.nature === 'private' && (app.status === 'lotteryWon' || app.status === 'admittedWithoutLottery');
  const deadlinePassedForConfirm = (app.status === 'lotteryWon' || app.status === 'admittedWithoutLottery' || app.status === 'approved') && next.deadline !== null && toMs(now) >= toMs(next.deadline);
  const correction = app.status === 'correctionRequested' ? app.correction : undefined;
  const promise = reviewPromise(app, now, calendar);
  const fixComplete = correction ? correction.items.every((code) => (fix.materials[code]?.length ?? 0) > 0) : false;

  const run = async (what: string, action: () => Promise<{ ok: true; application: Application } | { ok: false; error: ApiError; uncertain: boolean }>) => {
    setActionError(null);
    setDone(null);
    const r = await action();
    if (r.ok) setDone(what);
    else setActionError({ error: r.error, uncertain: r.uncertain });
    return r;
  };

  const doConfirm = async () => {
    setAskConfirm(false);
    await run('已确认入学', () => confirm(app.id));
  };

  const doWithdraw = async () => {
    setAskWithdraw(false);
    const r = await run('已撤回，可修改后重新提交', () => withdraw(app.id));
    if (r.ok) await fromApplication(r.application);
  };

  return (
    <Page title='办件详情'>
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

      {done ? <NoticeBanner tone='ok' title={done} /> : null}
      {actionError ? (
        <NoticeBanner tone={actionError.uncertain ? 'warn' : 'error'} title={actionError.uncertain ? '网络不稳定，暂未确认是否办理成功' : '操作未成功'} urgent>
          <Text>{actionError.error.message}</Text>
          {actionError.uncertain ? <View className='muted'>请稍后重试，重复操作不会重复办理。</View> : null}
        </NoticeBanner>
      ) : null}

      <View className='card ad-next' data-testid='next-action'>
        <View className='card-title'>下一步</View>
        <View>{next.text}</View>
        {app.greenChannel && next.who === 'reviewer' ? <View className='ad-green' data-testid='green-channel-promise'>{greenChannelPromise(calendar)}</View> : null}
        {next.deadlineText && !confirmable && !promise ? <View className='ad-deadline'>{`${next.who === 'reviewer' ? '预计审核完成' : '截止时间'}：${next.deadlineText}`}</View> : null}

        {app.status === 'forfeited' || deadlinePassedForConfirm ? (
          <NoticeBanner tone='error' title='已逾期未确认，视为放弃该学位'>
            <Text>{`入学确认已于 ${app.confirmBy ? formatDeadline(app.confirmBy) : next.deadlineText ?? ''} 截止。${app.nature === 'private' && next.deadlineText ? `可在${next.deadlineText}前报名公办学校（公办兜底）。` : '如有疑问，请拨打区县招生咨询电话。'}`}</Text>
          </NoticeBanner>
        ) : null}

        {confirmable && next.deadline ? (
          <View>
            {privateConfirm ? <Countdown deadline={next.deadline} now={serverNow} label='距民办学校入学确认截止' onPassed={onPassed} /> : <View className='ad-deadline'>{`请在${next.deadlineText}前确认`}</View>}
            {askConfirm ? (
              <ConfirmDialog title='确定确认入学吗？' confirmLabel='确定确认入学' cancelLabel='暂不确认' busy={busy} onConfirm={() => void doConfirm()} onCancel={() => setAskConfirm(false)}>
                {privateConfirm
                  ? `确认后，孩子的学位锁定在${app.schoolName}（民办），不能撤回，也不能再报名公办学校。`
                  : `确认后，孩子将在${app.schoolName}入学，学位为孩子保留；确认不能撤回。`}
              </ConfirmDialog>
            ) : (
              <Button variant='primary' busy={busy} onPress={() => setAskConfirm(true)}>
                确认入学
              </Button>
            )}
          </View>
        ) : null}

        {(app.status === 'submitted' || app.status === 'privateRegistered') && !askWithdraw ? (
          <Button onPress={() => setAskWithdraw(true)}>
            撤回申请
          </Button>
        ) : null}
        {askWithdraw ? (
          <ConfirmDialog title='确定撤回吗？' confirmLabel='确定撤回' cancelLabel='不撤回' busy={busy} onConfirm={() => void doWithdraw()} onCancel={() => setAskWithdraw(false)}>
            撤回后申请回到草稿，可修改后在报名时间内重新提交。
          </ConfirmDialog>
        ) : null}
        {app.status === 'underReview' || app.status === 'resubmitted' ? <View className='muted'>审核已开始，不能撤回；如需修改，请等待审核人员的补正通知。</View> : null}
        {app.status === 'withdrawn' && next.action ? (
          <Button variant='primary' onPress={() => void fromApplication(app).then(() => navigation.to(routes.apply(app.stage)))}>
            修改并重新提交
          </Button>
        ) : null}
        {(app.status === 'lotteryLost' || app.status === 'forfeited') && app.nature === 'private' && next.action === 'submit' ? (
          <Button variant='primary' onPress={() => void navigation.to(routes.apply(app.stage))}>
            报名公办学校（公办兜底）
          </Button>
        ) : null}
        {app.lottery || app.status === 'lotteryWon' || app.status === 'lotteryLost' || app.status === 'admittedWithoutLottery' ? (
          <Button onPress={() => void navigation.to(routes.lottery(app.id))}>
            查看录取结果和摇号过程
          </Button>
        ) : null}
        {app.status === 'noticeIssued' || app.status === 'checkedIn' ? (
          <View>
            <Button variant='primary' onPress={() => void navigation.to(routes.notice(app.id))}>
              查看电子入学通知书
            </Button>
            <Button onPress={() => void navigation.to(routes.reportCode(app.childId))}>
              查看报到码
            </Button>
          </View>
        ) : null}
      </View>

      {promise ? (
        <View className={`card ad-promise${promise.overdue ? ' ad-promise-overdue' : ''}`} data-testid='review-promise'>
          <View className='row'>
            <Text className='card-title'>审核时限</Text>
            {promise.overdue ? <Text className='tag tag-warn'>已超过审核时限</Text> : null}
          </View>
          <View>{promise.text}</View>
        </View>
      ) : null}

      {correction ? (
        <View className='card ad-correction' data-testid='correction'>
          <View className='card-title'>补正要求</View>
          <View className='ad-reason'>{`审核意见：${correction.reason}`}</View>
          {correction.dueAt ? <View className='ad-deadline'>{`补正截止：${formatMonthDayTime(toMs(correction.dueAt))}`}</View> : null}
          <View className='muted'>请重新上传以下材料，其他材料无需改动：</View>
          {correction.items.map((code) => (
            <View key={code} className='ad-fix'>
              <View className='ad-fix-name'>{MATERIAL_NAMES[code]}</View>
              {limit ? <Uploader
                materialCode={code}
                label={MATERIAL_NAMES[code]}
                fileIds={fix.materials[code] ?? []}
                maxBytes={limit.maxBytes}
                maxImages={limit.maxImagesPerItem}
                onChange={(ids) => {
                  const nextFix = { ...fix, materials: { ...fix.materials, [code]: ids } };
                  setFix(nextFix);
                  void saveResubmit(app.id, nextFix);
                }}
              /> : <View className='muted' role='status'>正在获取上传要求…</View>}
            </View>
          ))}
          <ErrorSummary title='还不能提交补正材料' errors={fixAttempt > 0 && !fixComplete ? correction.items.filter((code) => !(fix.materials[code]?.length)).map((code) => `请重新上传：${MATERIAL_NAMES[code]}`) : []} attempt={fixAttempt} />
          <Button variant='primary' blocked={!fixComplete} busy={busy} onBlocked={() => setFixAttempt((n) => n + 1)} onPress={() => void run('补正材料已提交，等待复审', () => resubmit(app.id))}>
            提交补正材料
          </Button>
        </View>
      ) : null}

      <View className='card'>
        <View className='card-title'>数据比对结果</View>
        <VerificationTags results={app.verification} />
      </View>

      <View className='card'>
        <View className='card-title'>办理进度</View>
        <Timeline history={app.history} />
      </View>
      <HelpLinks />
    </Page>
  );
}
