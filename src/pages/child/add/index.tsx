import { RELATIONSHIPS } from '@contract/enums';
import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { validateIdNumber } from '@/domain/idNumber';
import { eligibleStage } from '@/domain/eligibility';
import { validateName } from '@/domain/validators';
import { localDateOf, toMs } from '@/domain/time';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { ErrorSummary } from '@/components/ErrorSummary';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { TextField } from '@/components/TextField';
import { useChildrenStore } from '@/stores/children';
import { useClockStore } from '@/stores/clock';
import { navigation, useReturnTo } from '@/services/navigation';
import { eligibilityText, RELATIONSHIP_NAMES } from '@/domain/labels';
import { Chips } from '@/components/Chips';
import './index.css';
import { routes } from '@/config/routes';

const cnDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/** 手动新增 (Q13): name, ID number validated as typed with the domain rules, relationship. */
export default function AddChild() {
  const { addDraft: draft, addDraftLoaded, loadAddDraft, updateAddDraft, add, clearAddDraft } = useChildrenStore();
  const { calendar, load: loadCalendar, serverNow } = useClockStore();
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = useReturnTo();
  // Refused submissions so far: each one moves the focus to the error summary.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void loadAddDraft();
    void loadCalendar();
  }, [loadAddDraft, loadCalendar]);

  const today = localDateOf(toMs(serverNow()));
  const year = calendar?.year ?? Number(today.slice(0, 4));
  const id = validateIdNumber(draft.idNumber, { today });
  const name = validateName(draft.name);
  // Judge the ID as soon as it is complete, or when the parent leaves the field.
  const idReady = touched.idNumber || draft.idNumber.replace(/\s/g, '').length >= 18;
  const age = id.ok ? eligibleStage(id.birthDate, year) : null;
  const idError = serverErrors.idNumber ?? (idReady && !id.ok ? id.message : age && !age.stage ? age.note ?? '该子女不在今年的报名年龄范围内' : null);
  const nameError = serverErrors.name ?? (touched.name && !name.ok ? name.message : null);
  const relationshipError = serverErrors.relationship ?? (touched.relationship && !draft.relationship ? '请选择您与子女的关系' : null);

  const edit = (field: 'name' | 'idNumber', value: string) => {
    setServerErrors(({ [field]: _gone, ...rest }) => rest);
    updateAddDraft({ [field]: value });
  };

  const submit = async () => {
    setTouched({ name: true, idNumber: true, relationship: true });
    setFormError(null);
    if (!name.ok || !id.ok || !draft.relationship || (age && !age.stage)) {
      setFormError('请按红色提示修改后再提交，已填写的内容不会丢失。');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const answer = await add({ name: name.value, idNumber: id.value, relationship: draft.relationship });
    setBusy(false);
    if (!answer.ok) {
      setServerErrors(answer.error.fieldErrors ?? {});
      setFormError(answer.error.message);
      setAttempt((n) => n + 1);
      return;
    }
    await clearAddDraft();
    // Opened from a flow (申报 → 我的子女): back there, where the new child can be chosen at once.
    if (from) void navigation.returnTo(from);
    else void navigation.replace(routes.childDetail(answer.data.id));
  };

  if (!addDraftLoaded) return <Page title='手动新增子女'>{null}</Page>;

  const fieldProblems = [nameError, idError, relationshipError].filter((e): e is string => !!e);
  const problems = attempt > 0 ? (fieldProblems.length ? fieldProblems : formError ? [formError] : []) : [];

  return (
    <Page title='手动新增子女'>
      <ErrorSummary errors={problems} attempt={attempt} />
      <NoticeBanner tone='info' title='请按孩子的户口簿或身份证填写'>
        <Text>填写的内容会自动保存在本机，退出后再进来可以继续填写。</Text>
      </NoticeBanner>
      <View className='card'>
        <TextField
          label='子女姓名'
          value={draft.name}
          placeholder='如：张一诺'
          hint='与出生医学证明或户口簿上的姓名一致'
          error={nameError}
          onInput={(v) => edit('name', v)}
          onBlur={() => setTouched((t) => ({ ...t, name: true }))}
        />
        <TextField
          label='子女身份证件号码'
          value={draft.idNumber}
          type='idcard'
          maxlength={20}
          placeholder='18 位居民身份证号码'
          hint='最后一位是 X 的，请输入大写或小写 X 均可'
          error={idError}
          onInput={(v) => edit('idNumber', v)}
          onBlur={() => setTouched((t) => ({ ...t, idNumber: true }))}
        />
        {id.ok && age?.stage ? (
          <View className='add-eligible' role='status' data-testid='add-eligibility'>
            {`✓ 出生日期 ${cnDate(id.birthDate)}，${eligibilityText({ eligibleStage: age.stage }).text}`}
          </View>
        ) : null}
        <Chips
          label='您与子女的关系'
          options={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_NAMES[r] }))}
          value={draft.relationship}
          error={relationshipError}
          onChange={(relationship) => {
            setServerErrors(({ relationship: _gone, ...rest }) => rest);
            updateAddDraft({ relationship });
          }}
        />
        {formError ? <NoticeBanner tone='error' title={formError} /> : null}
        <Button variant='primary' busy={busy} onPress={() => void submit()}>
          {busy ? '正在提交…' : '确认新增'}
        </Button>
      </View>
      <View className='muted add-note'>只有孩子的法定监护人可以为其报名，系统会核验您与孩子的监护关系。</View>
      <HelpLinks />
    </Page>
  );
}
