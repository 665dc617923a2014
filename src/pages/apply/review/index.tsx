import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Stage } from '@contract/calendar';
import type { SchoolsResponse } from '@contract/api';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { ErrorSummary } from '@/components/ErrorSummary';
import { HelpLinks } from '@/components/HelpLinks';
import { maskAddress, maskName, maskPhone } from '@/domain/masking';
import { enrolment } from '@/services/enrolment';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplyDraftStore, type SubmitOutcome } from '@/stores/applyDraft';
import { useChildrenStore } from '@/stores/children';
import { useDistrictStore } from '@/stores/district';
import { useSessionStore } from '@/stores/session';
import { guardianFieldLabel, NOTES_TICK, PROPERTY_KIND_NAMES, SCHOOL_NATURE_NAMES, SCHOOL_TYPE_NAMES, SOURCE_LABEL, SOURCE_NAMES, STAGE_APPLY_ENTRY, UPKEEP_FIELD_LABELS } from '@/domain/labels';
import './index.css';
import { routes, type ApplySection } from '@/config/routes';
import { SummaryList } from '@/components/SummaryList';


/**
 * 核对报名信息 (check your answers) → 确认提交. Each answer has a 修改 that returns to its section. The parent always learns whether it went through: 提交成功 (result page),
 * a refusal with the draft intact, or "not sure" with a safe retry that replays the same key.
 */
export default function Review() {
  const params = usePageParams();
  const stage: Stage = params.stage === 'junior' ? 'junior' : 'primary';
  const { draft, load, submit, submitting } = useApplyDraftStore();
  const children = useChildrenStore((s) => s.children);
  const loadChildren = useChildrenStore((s) => s.load);
  const districts = useDistrictStore((s) => s.districts);
  const loadDistricts = useDistrictStore((s) => s.load);
  const [schools, setSchools] = useState<SchoolsResponse | null>(null);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  // Refused submissions so far: each one moves the focus to the error summary.
  const [attempt, setAttempt] = useState(0);
  // 确认提交 tapped before 申报须知 is ticked: the summary says so and takes the focus.
  const [notesTried, setNotesTried] = useState(false);

  useEffect(() => {
    void load(stage);
    void useSessionStore.getState().restore().then(() => loadChildren());
    if (districts.length === 0) void loadDistricts();
  }, [stage, load, loadChildren, loadDistricts, districts.length]);
  useEffect(() => {
    if (draft?.districtCode) void enrolment.schools(draft.districtCode, stage).then((a) => a.ok && setSchools(a.data));
  }, [draft?.districtCode, stage]);

  if (!draft) return <Page title='核对报名信息'><View className='muted' role='status'>正在加载…</View></Page>;

  const child = children.find((c) => c.id === draft.childId);
  const district = districts.find((d) => d.code === draft.districtCode);
  const school = schools?.schools.find((s) => s.id === draft.schoolId);
  const upkeep = draft.upkeep;
  const materialCount = Object.values(draft.materials).reduce((n, ids) => n + (ids?.length ?? 0), 0);

  const refusedFields = outcome?.kind === 'refused' ? Object.values(outcome.error.fieldErrors ?? {}).filter((m) => !!m) : [];
  const refusedProblems = outcome?.kind === 'refused' ? (refusedFields.length ? refusedFields : [outcome.error.message]) : [];

  // 修改: back to the registration form at that section; the draft (saved on the device) is intact.
  const edit = (section: ApplySection) => () => void navigation.replace(routes.apply(stage, section));

  const onSubmit = async () => {
    // A new attempt takes down the last attempt's message (unless this tap is ignored as a double tap).
    if (!useApplyDraftStore.getState().submitting) setOutcome(null);
    const result = await submit();
    if (result.kind === 'busy') return;
    setOutcome(result);
    if (result.kind === 'refused') setAttempt((n) => n + 1);
    if (result.kind === 'submitted') void navigation.replace(routes.result(result.application.id));
  };

  return (
    <Page title='核对报名信息'>
      <View className='steps' role='list' aria-label='申报步骤'>
        {['选择学校', '阅读须知', '填写信息', '上传材料', '确认提交'].map((s, i) => (
          <View key={s} role='listitem' className={`step${i === 4 ? ' step-current' : ' step-done'}`} aria-current={i === 4 ? 'step' : undefined}>{i === 4 ? `5 ${s}` : `✓ ${s}`}</View>
        ))}
      </View>
      <View className='card'>
        <View className='card-title'>{STAGE_APPLY_ENTRY[stage]}</View>
        <SummaryList
          label='报名信息'
          rows={[
            { key: '当前区域', value: district?.name ?? '—', onChange: edit('district') },
            { key: '子女', value: child ? `${maskName(child.realName || child.birthCertificateName)} ${child.idNumberMasked}` : '—', onChange: edit('child') },
            { key: '学校性质', value: SCHOOL_NATURE_NAMES[draft.nature ?? 'public'], onChange: edit('school') },
            { key: '学校类型', value: draft.schoolType ? SCHOOL_TYPE_NAMES[draft.schoolType] : '—', onChange: edit('school') },
            { key: '报名学校', value: school?.name ?? '—', onChange: edit('school') },
            { key: SOURCE_LABEL, value: SOURCE_NAMES[draft.source], onChange: edit('info') },
            // Upkeep fields are named as the form and its error summary name them (labels.ts, once).
            { key: UPKEEP_FIELD_LABELS['householdAddress.text'], value: upkeep ? maskAddress(upkeep.householdAddress.text) : '—', onChange: edit('info') },
            { key: UPKEEP_FIELD_LABELS['residenceAddress.text'], value: upkeep ? maskAddress(upkeep.residenceAddress.text) : '—', onChange: edit('info') },
            { key: UPKEEP_FIELD_LABELS['property.kind'], value: upkeep ? PROPERTY_KIND_NAMES[upkeep.property.kind] : '—', onChange: edit('info') },
            { key: guardianFieldLabel('phone'), value: upkeep?.guardians[0] ? maskPhone(upkeep.guardians[0].phone) : '—', onChange: edit('info') },
            { key: '已上传材料', value: `${materialCount} 张照片`, onChange: edit('materials') },
            { key: '申报须知', value: draft.notesAccepted ? `✓ ${NOTES_TICK}` : '未勾选', onChange: edit('notes') },
          ]}
        />
        <Button variant='link' onPress={() => void navigation.back()}>
          返回修改
        </Button>
      </View>

      {outcome?.kind === 'refused' ? (
        <>
          {/* The server's reasons (its fieldErrors, else its message) take the focus on each refusal. */}
          <ErrorSummary
            title='【出错了】提交未成功，报名信息已保留，原因如下'
            errors={refusedProblems}
            attempt={attempt}
          />
          <View className='muted'>没有生成申请，您可以点击“返回修改”修改后再次提交。</View>
        </>
      ) : null}
      {outcome?.kind === 'unknown' ? (
        <NoticeBanner tone='warn' title='网络不稳定，暂未确认是否提交成功' urgent>
          <Text>{outcome.error.message}</Text>
          <View className='muted'>请点击“再次提交”。重复提交不会生成两份申请：如果刚才已经提交成功，会直接显示办件编号。</View>
        </NoticeBanner>
      ) : null}

      <ErrorSummary
        title='还不能提交'
        errors={notesTried && !draft.notesAccepted ? [`请返回阅读申报须知并勾选“${NOTES_TICK}”`] : []}
        attempt={attempt}
      />
      {!draft.notesAccepted ? (
        <NoticeBanner tone='warn' title='请先阅读并勾选申报须知'>
          <Text>{`返回上一步，阅读申报须知后勾选“${NOTES_TICK}”，才能提交。`}</Text>
        </NoticeBanner>
      ) : null}
      <Button
        variant='primary'
        busy={submitting}
        blocked={!draft.notesAccepted}
        onBlocked={() => {
          setNotesTried(true);
          setAttempt((n) => n + 1);
        }}
        onPress={() => void onSubmit()}
      >
        {submitting ? '正在提交…' : outcome?.kind === 'unknown' ? '再次提交' : '确认提交'}
      </Button>
      <View className='muted rv-tip'>提交后可在“个人中心—我的申请”查看进度；审核开始前可撤回修改。</View>
      <HelpLinks />
    </Page>
  );
}
