import { View, Text } from '@tarojs/components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Stage } from '@contract/calendar';
import type { School } from '@contract/district';
import type { UpkeepInfo } from '@contract/child';
import type { MaterialChecklist } from '@contract/materials';
import type { ApiError } from '@contract/errors';
import type { SchoolsResponse } from '@contract/api';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { ErrorSummary, focusField } from '@/components/ErrorSummary';
import { hostName } from '@/config';
import { routes } from '@/config/routes';
import { periodText, phaseDeadline, phasePeriod } from '@/domain/calendar';
import { canApply } from '@/domain/status';
import { missingRequired } from '@/domain/materials';
import { validateUpkeep, type UpkeepErrors } from '@/domain/upkeep';
import { guardianFieldLabel, NOTES_TICK, STAGE_APPLY_ENTRY, UPKEEP_FIELD_LABELS } from '@/domain/labels';
import { enrolment } from '@/services/enrolment';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { useChildrenStore } from '@/stores/children';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import { useSessionStore } from '@/stores/session';
import { emptyUpkeep, useUpkeepStore } from '@/stores/upkeep';
import { SchoolSection } from './sections/SchoolSection';
import { NotesSection, type NotesState } from './sections/NotesSection';
import { applyFieldId, InfoSection } from './sections/InfoSection';
import { MaterialsSection } from './sections/MaterialsSection';
import './index.css';

/** The fields of the registration form's upkeep part, in the parent's words (errors come from validateUpkeep). */
const UPKEEP_FIELDS: Array<[string, string]> = [
  ...Object.entries(UPKEEP_FIELD_LABELS),
  ['guardians.0.name', guardianFieldLabel('name')],
  ['guardians.0.phone', guardianFieldLabel('phone')],
];

/** What is still missing before the answers can be checked, in the parent's words. */
function missingUpkeep(u: UpkeepInfo | null, errors: UpkeepErrors): Array<{ label: string; fieldId?: string }> {
  if (!u) return [{ label: '子女信息（户籍地址、居住地址、房产、监护人联系方式）' }];
  return UPKEEP_FIELDS.filter(([path]) => errors[path]).map(([path, label]) => ({ label, fieldId: applyFieldId(path) }));
}

/** 幼升小/小升初在线申报 (Q19–Q22): choose, read, tick, fill in, upload, then check and submit. */
export default function Apply() {
  const params = usePageParams();
  const stage: Stage = params.stage === 'junior' ? 'junior' : 'primary';
  const { draft, load, update } = useApplyDraftStore();
  const { calendar, load: loadClock, serverNow } = useClockStore();
  const fallbackDeadline = calendar ? phaseDeadline(calendar, 'publicFallback') : null;
  const { districts, load: loadDistricts } = useDistrictStore();
  const currentCode = useDistrictStore((s) => s.currentCode);
  const children = useChildrenStore((s) => s.children);
  const childrenLoaded = useChildrenStore((s) => s.loaded);
  const childrenError = useChildrenStore((s) => s.error);
  const loadChildren = useChildrenStore((s) => s.load);
  const applications = useApplicationsStore((s) => s.list);
  const loadApplications = useApplicationsStore((s) => s.load);
  const [schools, setSchools] = useState<SchoolsResponse | null>(null);
  const [schoolsError, setSchoolsError] = useState<ApiError | null>(null);
  const [checklist, setChecklist] = useState<MaterialChecklist | null>(null);
  const [checklistError, setChecklistError] = useState<ApiError | null>(null);
  /** Bumped by 重试 to ask again for what failed to load (schools or the materials checklist). */
  const [schoolsTry, setSchoolsTry] = useState(0);
  const [checklistTry, setChecklistTry] = useState(0);
  const [quoteMessage, setQuoteMessage] = useState<{ tone: 'ok' | 'warn' | 'error'; text: string } | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  // Refused 下一步 attempts so far: each one moves the focus to the error summary.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void load(stage);
    void loadClock();
    if (districts.length === 0) void loadDistricts();
    // After a reload this may be the first page: the saved session comes back before personal data is asked for.
    void useSessionStore.getState().restore().then(() => {
      void loadChildren();
      void loadApplications();
    });
  }, [stage, load, loadClock, loadDistricts, loadChildren, loadApplications, districts.length]);

  // 修改 on the check-answers page comes back here at that section (the draft is intact).
  const section = params.section;
  const loaded = draft !== null;
  useEffect(() => {
    if (!loaded || !section) return;
    const timer = setTimeout(() => focusField(`apply-${section}`), 0);
    return () => clearTimeout(timer);
  }, [loaded, section]);

  // The current district (当前区域) is the default; a draft keeps the one it was started in, unless the
  // parent went to 更换区域 from here (this page still open below, or opened again at that section).
  const changingDistrict = useRef(section === 'district');
  useEffect(() => {
    if (!draft || !currentCode) return;
    if (!draft.districtCode) void update({ districtCode: currentCode });
    else if (changingDistrict.current && draft.districtCode !== currentCode) {
      changingDistrict.current = false;
      // A school of the old district cannot stay chosen.
      void update({ districtCode: currentCode, schoolId: null });
    }
  }, [draft, currentCode, update]);

  const districtCode = draft?.districtCode ?? null;
  const district = districts.find((d) => d.code === districtCode) ?? null;

  useEffect(() => {
    if (!districtCode) return;
    setSchoolsError(null);
    void enrolment.schools(districtCode, stage).then((answer) => (answer.ok ? setSchools(answer.data) : setSchoolsError(answer.error)));
  }, [districtCode, stage, schoolsTry]);

  useEffect(() => {
    setChecklistError(null);
    if (!draft?.districtCode || !draft.schoolType) return setChecklist(null);
    const q = { districtCode: draft.districtCode, stage, schoolType: draft.schoolType, source: draft.source, childId: draft.childId ?? undefined };
    let live = true;
    void enrolment.checklist(q).then((answer) => {
      if (!live) return;
      setChecklist(answer.ok ? answer.data : null);
      setChecklistError(answer.ok ? null : answer.error);
    });
    return () => {
      live = false;
    };
  }, [draft?.districtCode, draft?.schoolType, draft?.source, draft?.childId, stage, checklistTry]);

  const eligible = children.filter((c) => c.eligibleStage === stage);
  const school: School | null = schools?.schools.find((s) => s.id === draft?.schoolId) ?? null;
  const notes = draft?.schoolType ? schools?.notes[draft.schoolType] ?? [] : [];
  const childApps = applications.filter((a) => a.childId === draft?.childId && a.id !== draft?.fromApplicationId);

  // 不可兼报 and the windows are the domain's rule, judged at the server's time.
  const permission = useMemo(() => {
    if (!calendar || !draft?.nature || !draft.childId) return null;
    return canApply(childApps, draft.nature, serverNow(), calendar, draft.districtCode ?? undefined);
  }, [calendar, draft?.nature, draft?.childId, draft?.districtCode, childApps, serverNow]);

  const quoteUpkeep = useCallback(async () => {
    if (!draft?.childId) return;
    setQuoteMessage(null);
    // 一键引用 (Journey II): what was kept at 子女信息维护, the saved copy or the unsaved draft.
    await useUpkeepStore.getState().load(draft.childId);
    const entry = useUpkeepStore.getState().entries[draft.childId];
    if (entry?.error) return setQuoteMessage({ tone: 'error', text: entry.error.message });
    const kept = useUpkeepStore.getState().forRegistration(draft.childId);
    if (!kept) return setQuoteMessage({ tone: 'warn', text: '该子女还没有维护过信息，请在下方直接填写。' });
    await update({ upkeep: kept, upkeepQuoted: true });
    setQuoteMessage({ tone: 'ok', text: '已引用子女信息维护中的内容，可在下方修改。' });
  }, [draft?.childId, update]);

  if (!draft) {
    return (
      <Page title={STAGE_APPLY_ENTRY[stage]}>
        <View className='muted' role='status'>正在加载…</View>
      </Page>
    );
  }

  const upkeep = draft.upkeep;
  const setUpkeep = (patch: Partial<UpkeepInfo>) => void update({ upkeep: { ...(upkeep ?? emptyUpkeep()), ...patch }, upkeepQuoted: false });
  const upkeepErrors = validateUpkeep(upkeep ?? emptyUpkeep(), '', hostName());
  const shownError = (path: string) => (showErrors ? upkeepErrors[path] : undefined);
  const private_ = draft.nature === 'private';
  const brochureFirst = private_ && school?.brochure && !draft.brochureRead;
  const missingMaterials = checklist ? missingRequired(checklist, draft.materials) : [];
  const missing: Array<{ label: string; fieldId?: string }> = [
    ...(draft.childId ? [] : [{ label: '子女' }]),
    ...(draft.nature ? [] : [{ label: '学校性质' }]),
    ...(draft.schoolId ? [] : [{ label: '学校' }]),
    ...missingUpkeep(upkeep, upkeepErrors),
    ...missingMaterials.map((i) => ({ label: i.name })),
  ];
  const blocked = permission && !permission.ok ? permission : null;
  const canContinue = draft.notesAccepted && missing.length === 0 && !blocked;

  const next = () => {
    setShowErrors(true);
    if (canContinue) void navigation.to(routes.review(stage));
    else setAttempt((n) => n + 1);
  };
  // What stops 下一步, in the order of the form, for the error summary.
  const problems = showErrors && !canContinue
    ? [
        ...(blocked ? [blocked.message] : []),
        ...(draft.notesAccepted ? [] : [`请阅读申报须知并勾选“${NOTES_TICK}”`]),
        ...missing.map((m) => ({ message: `请填写或上传：${m.label}`, fieldId: m.fieldId })),
      ]
    : [];

  const notesState: NotesState = !districtCode
    ? { kind: 'needsDistrict', onChooseDistrict: () => void navigation.to(routes.district()) }
    : schoolsError
      ? { kind: 'failed' }
      : !schools || schools.districtCode !== districtCode
        ? { kind: 'loading' }
        : notes.length === 0
          ? { kind: 'none' }
          : { kind: 'ready' };
  const privatePeriod = calendar ? phasePeriod(calendar, 'privateRegistration') : null;

  return (
    <Page title={STAGE_APPLY_ENTRY[stage]}>
      <View className='steps' role='list' aria-label='申报步骤'>
        {['选择学校', '阅读须知', '填写信息', '上传材料', '确认提交'].map((s, i) => (
          <View key={s} role='listitem' className={`step${i === 0 ? ' step-current' : ''}`} aria-current={i === 0 ? 'step' : undefined}>{`${i + 1} ${s}`}</View>
        ))}
      </View>
      <NoticeBanner tone='info' title='报名先后不影响录取结果'>
        <Text>{`在本区县报名时间内，早报晚报结果相同，请错峰填报。${privatePeriod && calendar ? `民办学校报名时间为${periodText(calendar, privatePeriod)}。` : ''}`}</Text>
      </NoticeBanner>
      <ErrorSummary errors={problems} attempt={attempt} />
      {draft.fromApplicationId ? <NoticeBanner tone='info' title='您正在修改已撤回的申请，修改后请重新提交' /> : null}

      <SchoolSection
        draft={draft}
        update={update}
        district={district}
        schoolsError={schoolsError}
        onRetrySchools={() => setSchoolsTry((n) => n + 1)}
        onChooseDistrict={() => {
          changingDistrict.current = true;
          void navigation.to(routes.district({ page: 'apply', params: { stage, section: 'district' } }));
        }}
        onGoChildren={() => void navigation.to(routes.children({ page: 'apply', params: { stage, section: 'child' } }))}
        eligible={eligible}
        childrenLoad={{ loaded: childrenLoaded, error: childrenError, onRetry: () => void loadChildren(true) }}
        blocked={blocked}
        fallbackOpen={Boolean(permission?.ok && permission.publicFallback)}
        fallbackDeadline={fallbackDeadline?.text ?? null}
        schools={schools}
        school={school}
      />

      {draft.schoolType && !brochureFirst ? <NotesSection notes={notes} state={notesState} accepted={draft.notesAccepted} onAccept={(notesAccepted) => void update({ notesAccepted })} /> : null}

      {draft.childId && draft.schoolType && !brochureFirst ? (
        <InfoSection
          source={draft.source}
          onSource={(source) => void update({ source })}
          upkeep={upkeep}
          quoted={draft.upkeepQuoted}
          onUnquote={() => void update({ upkeepQuoted: false })}
          quoteMessage={quoteMessage}
          onQuote={() => void quoteUpkeep()}
          setUpkeep={setUpkeep}
          shownError={shownError}
        />
      ) : null}

      {!brochureFirst ? (
        <MaterialsSection
          checklist={checklist}
          checklistError={checklistError}
          onRetry={() => setChecklistTry((n) => n + 1)}
          materials={draft.materials}
          showErrors={showErrors}
          onFiles={(code, ids) => void update({ materials: { ...useApplyDraftStore.getState().draft?.materials, [code]: ids } })}
        />
      ) : null}

      {showErrors && !canContinue ? (
        <NoticeBanner tone='error' title='还不能提交'>
          {!draft.notesAccepted ? <View>{`请阅读申报须知并勾选“${NOTES_TICK}”。`}</View> : null}
          {missing.length ? <View>{`还需填写或上传：${missing.map((m) => m.label).join('、')}`}</View> : null}
          {blocked ? <View>{blocked.message}</View> : null}
        </NoticeBanner>
      ) : null}
      <Button variant='primary' blocked={!canContinue} onPress={next}>
        下一步：核对报名信息
      </Button>
      <View className='muted center'>草稿已自动保存在本机，退出登录时会清除。</View>
      <HelpLinks />
    </Page>
  );
}
