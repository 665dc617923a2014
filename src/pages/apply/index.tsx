import { View, Text } from '@tarojs/components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Stage } from '@contract/calendar';
import { SCHOOL_NATURES, type SchoolNature, type SchoolType, type School } from '@contract/district';
import { PROPERTY_KINDS, type UpkeepInfo } from '@contract/child';
import { STUDENT_SOURCES, type MaterialChecklist } from '@contract/materials';
import type { ApiError } from '@contract/errors';
import type { SchoolsResponse } from '@contract/api';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { ErrorSummary } from '@/components/ErrorSummary';
import { TextField } from '@/components/TextField';
import { RadioGroup } from '@/components/RadioGroup';
import { Checkbox } from '@/components/Checkbox';
import { Uploader } from '@/components/Uploader';
import { phaseDeadline } from '@/domain/calendar';
import { canApply } from '@/domain/status';
import { missingRequired } from '@/domain/materials';
import { validateUpkeep, type UpkeepErrors } from '@/domain/upkeep';
import { maskAddress, maskName, maskPhone } from '@/domain/masking';
import { enrolment } from '@/services/enrolment';
import { navigation, usePageParams } from '@/services/navigation';
import { useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { useChildrenStore } from '@/stores/children';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import { useSessionStore } from '@/stores/session';
import { emptyUpkeep, useUpkeepStore } from '@/stores/upkeep';
import { NOTES_TICK, PROPERTY_KIND_NAMES, SCHOOL_NATURE_NAMES, SCHOOL_TYPE_NAMES, SOURCE_NAMES, STAGE_APPLY_ENTRY } from '@/domain/labels';
import './index.css';
import { routes } from '@/config/routes';
import { hostName } from '@/config';

const TYPES_BY_NATURE: Record<SchoolNature, SchoolType[]> = {
  public: ['publicTight', 'publicNormal', 'converted'],
  private: ['private'],
};



/** The fields of the registration form's upkeep part, in the parent's words (errors come from validateUpkeep). */
const UPKEEP_FIELDS: Array<[string, string]> = [
  ['householdAddress.text', '户籍地址'],
  ['residenceAddress.text', '实际居住地址'],
  ['property.unitNumber', '不动产单元号'],
  ['guardians.0.name', '监护人姓名'],
  ['guardians.0.phone', '监护人手机号码'],
];

/** What is still missing before the answers can be checked, in the parent's words. */
function missingUpkeep(u: UpkeepInfo | null, errors: UpkeepErrors): string[] {
  if (!u) return ['子女信息（户籍地址、居住地址、房产、监护人联系方式）'];
  return UPKEEP_FIELDS.filter(([path]) => errors[path]).map(([, label]) => label);
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

  // The current district (当前区域) is the default; a draft keeps the one it was started in.
  useEffect(() => {
    if (draft && !draft.districtCode && currentCode) void update({ districtCode: currentCode });
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
  const upkeepErrors = validateUpkeep(upkeep ?? emptyUpkeep());
  const shownError = (path: string) => (showErrors ? upkeepErrors[path] : undefined);
  const private_ = draft.nature === 'private';
  const brochureFirst = private_ && school?.brochure && !draft.brochureRead;
  const missingMaterials = checklist ? missingRequired(checklist, draft.materials) : [];
  const missing = [
    ...(draft.childId ? [] : ['子女']),
    ...(draft.nature ? [] : ['学校性质']),
    ...(draft.schoolId ? [] : ['学校']),
    ...missingUpkeep(upkeep, upkeepErrors),
    ...missingMaterials.map((i) => i.name),
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
        ...missing.map((m) => `请填写或上传：${m}`),
      ]
    : [];

  return (
    <Page title={STAGE_APPLY_ENTRY[stage]}>
      <View className='steps' role='list' aria-label='申报步骤'>
        {['选择学校', '阅读须知', '填写信息', '上传材料', '确认提交'].map((s, i) => (
          <View key={s} role='listitem' className={`step${i === 0 ? ' step-current' : ''}`} aria-current={i === 0 ? 'step' : undefined}>{`${i + 1} ${s}`}</View>
        ))}
      </View>
      <NoticeBanner tone='info' title='报名先后不影响录取结果'>
        <Text>在本区县报名时间内，早报晚报结果相同，请错峰填报。民办学校报名时间为6月17日至6月19日。</Text>
      </NoticeBanner>
      <ErrorSummary errors={problems} attempt={attempt} />
      {draft.fromApplicationId ? <NoticeBanner tone='info' title='您正在修改已撤回的申请，修改后请重新提交' /> : null}

      <View className='card'>
        <View className='card-title'>1. 当前区域</View>
        <View className='row'>
          <Text>{district ? district.name : '尚未选择'}</Text>
          <Button variant='link' onPress={() => void navigation.to(routes.district())}>
            {district ? '更换区域' : '选择区域'}
          </Button>
        </View>
        <View className='muted'>当前区域是孩子9月就读学校所在的区县。</View>
        {schoolsError ? (
          <NoticeBanner tone='error' title='暂时无法获取学校名单' urgent>
            <Text>{schoolsError.message}</Text>
            <Button onPress={() => setSchoolsTry((n) => n + 1)}>
              重试
            </Button>
          </NoticeBanner>
        ) : null}
      </View>

      <View className='card'>
        <View className='card-title'>2. 选择子女</View>
        {eligible.length === 0 ? (
          <View className='muted'>
            没有符合本学段年龄的子女。
            <Button variant='link' onPress={() => void navigation.to(routes.children())}>
              前往我的子女
            </Button>
          </View>
        ) : (
          <RadioGroup
            label='子女'
            options={eligible.map((c) => ({ value: c.id, label: `${maskName(c.realName || c.birthCertificateName)}  ${c.idNumberMasked}`, hint: c.greenChannel ? '可走绿色通道' : undefined }))}
            value={draft.childId}
            onChange={(childId) => void update({ childId, upkeep: null, upkeepQuoted: false, materials: {} })}
          />
        )}
      </View>

      <View className='card'>
        <View className='card-title'>3. 学校性质和类型</View>
        <RadioGroup
          label='学校性质'
          inline
          options={SCHOOL_NATURES.map((n) => ({ value: n, label: `${SCHOOL_NATURE_NAMES[n]}学校` }))}
          value={draft.nature}
          onChange={(n) => void update({ nature: n, schoolType: n === 'private' ? 'private' : null, schoolId: null })}
        />
        {blocked ? (
          <NoticeBanner tone={blocked.code === 'CONFLICT' ? 'error' : 'warn'} title={blocked.code === 'CONFLICT' ? '不可兼报' : '当前不在报名时间内'} urgent>
            <Text>{blocked.message}</Text>
            {blocked.code === 'CONFLICT' ? (
              <View className='muted'>每名适龄儿童只能有一份有效申请，这样学位才能公平分配。如需改报，请先在“我的申请”中撤回（仅待审核时可撤回）。</View>
            ) : null}
          </NoticeBanner>
        ) : null}
        {permission?.ok && permission.publicFallback ? (
          <NoticeBanner tone='info' title='公办兜底报名'>
            <Text>{`孩子未被民办学校录取，可报名公办学校${fallbackDeadline ? `，截止时间${fallbackDeadline.text}` : ''}。`}</Text>
          </NoticeBanner>
        ) : null}
        {draft.nature === 'public' ? (
          <RadioGroup label='学校类型' options={TYPES_BY_NATURE.public.map((t) => ({ value: t, label: SCHOOL_TYPE_NAMES[t] }))} value={draft.schoolType} onChange={(t) => void update({ schoolType: t, schoolId: null })} />
        ) : null}
        {draft.schoolType && schools ? (
          <View className='schools'>
            <View className='field-label' aria-hidden>选择学校</View>
            <RadioGroup
              label='学校'
              options={schools.schools.filter((s) => s.type === draft.schoolType).map((s) => ({ value: s.id, label: s.name, hint: `${s.address} · 招生计划 ${s.places} 人` }))}
              value={draft.schoolId}
              onChange={(schoolId) => void update({ schoolId })}
            />
          </View>
        ) : null}
      </View>

      {private_ && school?.brochure ? (
        <View className='card brochure' data-testid='brochure'>
          <View className='card-title'>{`${school.name} 招生简章`}</View>
          <View>{school.brochure.plan}</View>
          <View className='field-label'>招生条件</View>
          {school.brochure.conditions.map((c, i) => (
            <View key={i} className='notes-item'>{`${i + 1}. ${c}`}</View>
          ))}
          <View className='field-label'>收费标准</View>
          <View>{school.brochure.fees}</View>
          <View className='muted'>{`招生计划 ${school.brochure.places} 人。报名人数不超过计划的全部录取；超过的于6月20日电脑随机摇号，录取后须在6月20日18:00前确认入学。`}</View>
          {!draft.brochureRead ? (
            <Button onPress={() => void update({ brochureRead: true })}>
              我已阅读招生简章，继续
            </Button>
          ) : (
            <View className='tag tag-ok'>✓ 已阅读招生简章</View>
          )}
        </View>
      ) : null}

      {draft.schoolType && !brochureFirst ? (
        <View className='card' data-testid='notes'>
          <View className='card-title'>4. 申报须知</View>
          {notes.length === 0 ? <View className='muted'>正在获取申报须知…</View> : null}
          {notes.map((n, i) => (
            <View key={i} className='notes-item'>{`${i + 1}. ${n}`}</View>
          ))}
          <Checkbox label={NOTES_TICK} checked={draft.notesAccepted} disabled={notes.length === 0} onChange={(notesAccepted) => void update({ notesAccepted })} />
        </View>
      ) : null}

      {draft.childId && draft.schoolType && !brochureFirst ? (
        <View className='card'>
          <View className='card-title'>5. 报名信息</View>
          <Button onPress={() => void quoteUpkeep()}>
            一键引用子女信息维护内容
          </Button>
          {quoteMessage ? <View className={`quote-msg quote-${quoteMessage.tone}`} role='status'>{quoteMessage.text}</View> : null}
          <RadioGroup label='生源类型' showLabel options={STUDENT_SOURCES.map((s) => ({ value: s, label: SOURCE_NAMES[s] }))} value={draft.source} onChange={(source) => void update({ source })} />
          {upkeep && draft.upkeepQuoted ? (
            <View className='quoted' data-testid='quoted-upkeep'>
              <View>{`户籍地址：${maskAddress(upkeep.householdAddress.text)}`}</View>
              <View>{`居住地址：${maskAddress(upkeep.residenceAddress.text)}`}</View>
              <View>{`房产情况：${PROPERTY_KIND_NAMES[upkeep.property.kind]}`}</View>
              <View>{`监护人电话：${maskPhone(upkeep.guardians[0]?.phone ?? '')}`}</View>
              <Button variant='link' onPress={() => void update({ upkeepQuoted: false })}>
                修改
              </Button>
            </View>
          ) : (
            <View>
              <TextField id='ap-household' label='户籍地址' value={upkeep?.householdAddress.text ?? ''} onInput={(v) => setUpkeep({ householdAddress: { text: v } })} error={shownError('householdAddress.text')} />
              <TextField id='ap-residence' label='实际居住地址' value={upkeep?.residenceAddress.text ?? ''} onInput={(v) => setUpkeep({ residenceAddress: { text: v } })} error={shownError('residenceAddress.text')} />
              <RadioGroup
                label='房产情况'
                showLabel
                options={PROPERTY_KINDS.map((k) => ({ value: k, label: PROPERTY_KIND_NAMES[k] }))}
                value={(upkeep ?? emptyUpkeep()).property.kind}
                onChange={(kind) => setUpkeep({ property: { ...(upkeep ?? emptyUpkeep()).property, kind } })}
              />
              {upkeep?.property.kind === 'noCertificate' ? <View className='field-hint'>无产权证书的房屋须到线下报名点办理，请查看“联系我们”。</View> : null}
              {(upkeep ?? emptyUpkeep()).property.kind === 'certificate' ? (
                <TextField
                  id='ap-unit'
                  label='不动产单元号（28位）'
                  hint={`可在${hostName()}“我的—不动产—我的不动产—不动产单元号”中查看`}
                  value={upkeep?.property.unitNumber ?? ''}
                  onInput={(v) => setUpkeep({ property: { ...(upkeep ?? emptyUpkeep()).property, unitNumber: v } })}
                  error={shownError('property.unitNumber')}
                />
              ) : null}
              {/* The server requires the guardian's name: a parent who skipped upkeep gives it here. */}
              <TextField
                id='ap-guardian'
                label='监护人姓名'
                value={upkeep?.guardians[0]?.name ?? ''}
                onInput={(v) => setUpkeep({ guardians: [{ ...(upkeep ?? emptyUpkeep()).guardians[0], name: v }] })}
                error={shownError('guardians.0.name')}
              />
              <TextField
                id='ap-phone'
                label='监护人手机号码'
                value={upkeep?.guardians[0]?.phone ?? ''}
                onInput={(v) => setUpkeep({ guardians: [{ ...(upkeep ?? emptyUpkeep()).guardians[0], phone: v.trim() }] })}
                error={shownError('guardians.0.phone')}
              />
            </View>
          )}
        </View>
      ) : null}

      {checklistError && !checklist && !brochureFirst ? (
        <NoticeBanner tone='error' title='暂时无法获取材料清单' urgent>
          <Text>{checklistError.message}</Text>
          <View className='muted'>已上传的材料和填写的内容都已保存。</View>
          <Button onPress={() => setChecklistTry((n) => n + 1)}>
            重试
          </Button>
        </NoticeBanner>
      ) : null}
      {checklist && !brochureFirst ? (
        <View className='card' data-testid='materials'>
          <View className='card-title'>6. 上传材料</View>
          <View className='muted'>已通过部门数据比对的材料无需上传；比对未通过的请上传照片，由审核人员核实，不影响报名。</View>
          {checklist.items.map((item) => (
            <View key={item.code} className='material'>
              <View className='row'>
                <Text className='material-name'>{item.name}</Text>
                <Text className={`tag ${item.state === 'required' ? 'tag-warn' : item.state === 'waived' ? 'tag-ok' : 'tag-muted'}`}>
                  {item.state === 'required' ? '必传' : item.state === 'waived' ? '免传' : '选传'}
                </Text>
              </View>
              <View className='muted'>{item.reason}</View>
              {item.state !== 'waived' ? (
                <Uploader
                  materialCode={item.code}
                  label={item.name}
                  fileIds={draft.materials[item.code] ?? []}
                  maxBytes={checklist.maxBytes}
                  maxImages={checklist.maxImagesPerItem}
                  onChange={(ids) => void update({ materials: { ...useApplyDraftStore.getState().draft?.materials, [item.code]: ids } })}
                />
              ) : null}
              {showErrors && item.state === 'required' && !(draft.materials[item.code]?.length) ? <View className='field-error'>{`请上传${item.name}`}</View> : null}
            </View>
          ))}
        </View>
      ) : null}

      {showErrors && !canContinue ? (
        <NoticeBanner tone='error' title='还不能提交'>
          {!draft.notesAccepted ? <View>{`请阅读申报须知并勾选“${NOTES_TICK}”。`}</View> : null}
          {missing.length ? <View>{`还需填写或上传：${missing.join('、')}`}</View> : null}
          {blocked ? <View>{blocked.message}</View> : null}
        </NoticeBanner>
      ) : null}
      <Button variant='primary' className={canContinue ? undefined : 'btn-muted'} onPress={next}>
        下一步：核对报名信息
      </Button>
      <View className='muted center'>草稿已自动保存在本机，退出登录时会清除。</View>
      <HelpLinks />
    </Page>
  );
}
