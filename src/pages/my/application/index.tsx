import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Application } from '@contract/application';
import type { ApiError } from '@contract/errors';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { LoadError } from '@/components/LoadError';
import { HelpLinks } from '@/components/HelpLinks';
import { nextAction } from '@/domain/status';
import { toMs } from '@/domain/time';
import { reviewPromise } from '@/domain/review';
import { greenChannelPromise } from '@/domain/greenChannel';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplicationsStore, type ResubmitDraft } from '@/stores/applications';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useUploadLimit } from '@/stores/materials';
import { useClockStore } from '@/stores/clock';
import { routes } from '@/config/routes';
import { StatusSection } from './sections/StatusSection';
import { OutcomeBanner } from './sections/OutcomeBanner';
import { NextStepSection } from './sections/NextStepSection';
import { ConfirmAdmission } from './sections/ConfirmAdmission';
import { WithdrawAction } from './sections/WithdrawAction';
import { NextLinks, type NextLinksProps } from './sections/NextLinks';
import { ReviewPromiseSection } from './sections/ReviewPromiseSection';
import { CorrectionSection } from './sections/CorrectionSection';
import { VerificationSection } from './sections/VerificationSection';
import { HistorySection } from './sections/HistorySection';
import './index.css';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

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
  const confirmable = next.action === 'confirm' && next.deadline !== null && toMs(now) < toMs(next.deadline);
  const privateConfirm = app.nature === 'private' && (app.status === 'lotteryWon' || app.status === 'admittedWithoutLottery');
  const deadlinePassedForConfirm = (app.status === 'lotteryWon' || app.status === 'admittedWithoutLottery' || app.status === 'approved') && next.deadline !== null && toMs(now) >= toMs(next.deadline);
  const correction = app.status === 'correctionRequested' ? app.correction : undefined;
  const promise = reviewPromise(app, now, calendar);

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

  // Where the parent can go from this status (a link is shown only when given).
  const links: NextLinksProps = {
    onEditAndResubmit: app.status === 'withdrawn' && next.action ? () => void fromApplication(app).then(() => navigation.to(routes.apply(app.stage))) : undefined,
    onPublicFallback: (app.status === 'lotteryLost' || app.status === 'forfeited') && app.nature === 'private' && next.action === 'submit' ? () => void navigation.to(routes.apply(app.stage)) : undefined,
    onLottery: app.lottery || app.status === 'lotteryWon' || app.status === 'lotteryLost' || app.status === 'admittedWithoutLottery' ? () => void navigation.to(routes.lottery(app.id)) : undefined,
    documents: app.status === 'noticeIssued' || app.status === 'checkedIn' ? { onNotice: () => void navigation.to(routes.notice(app.id)), onReportCode: () => void navigation.to(routes.reportCode(app.childId)) } : undefined,
  };

  return (
    <Page title='办件详情'>
      <StatusSection app={app} />
      <OutcomeBanner done={done} failed={actionError} />

      <NextStepSection next={next} greenPromise={app.greenChannel && next.who === 'reviewer' ? greenChannelPromise(calendar) : null} showDeadline={!confirmable && !promise}>
        <ConfirmAdmission
          app={app}
          next={next}
          forfeited={app.status === 'forfeited' || deadlinePassedForConfirm}
          confirmable={confirmable}
          privateConfirm={privateConfirm}
          now={serverNow}
          asking={askConfirm}
          busy={busy}
          onAsk={() => setAskConfirm(true)}
          onConfirm={() => void doConfirm()}
          onCancel={() => setAskConfirm(false)}
          onPassed={onPassed}
        />
        <WithdrawAction
          canWithdraw={app.status === 'submitted' || app.status === 'privateRegistered'}
          reviewStarted={app.status === 'underReview' || app.status === 'resubmitted'}
          asking={askWithdraw}
          busy={busy}
          onAsk={() => setAskWithdraw(true)}
          onConfirm={() => void doWithdraw()}
          onCancel={() => setAskWithdraw(false)}
        />
        <NextLinks {...links} />
      </NextStepSection>

      {promise ? <ReviewPromiseSection promise={promise} /> : null}

      {correction ? (
        <CorrectionSection
          correction={correction}
          materials={fix.materials}
          limit={limit}
          attempt={fixAttempt}
          busy={busy}
          onUpload={(code, ids) => {
            const nextFix = { ...fix, materials: { ...fix.materials, [code]: ids } };
            setFix(nextFix);
            // Kept on the device: a re-login or a reload does not lose the photos already taken.
            void saveResubmit(app.id, nextFix);
          }}
          onBlocked={() => setFixAttempt((n) => n + 1)}
          onSubmit={() => void run('补正材料已提交，等待复审', () => resubmit(app.id))}
        />
      ) : null}

      <VerificationSection results={app.verification} />
      <HistorySection history={app.history} />
      <HelpLinks />
    </Page>
  );
}
