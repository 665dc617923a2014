import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { UpkeepInfo } from '@contract/child';
import { effectiveEnd, formatOpening, isPhaseOpen, maintenanceStatus, phasePeriod } from '@/domain/calendar';
import { validateUpkeep } from '@/domain/upkeep';
import { guardianFieldLabel, UPKEEP_FIELD_LABELS } from '@/domain/labels';
import { evidenceFor } from '@/domain/materials';
import { maskPhone } from '@/domain/masking';
import { formatDeadline, toMs } from '@/domain/time';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { ErrorSummary, type SummaryError } from '@/components/ErrorSummary';
import { NoticeBanner } from '@/components/NoticeBanner';
import { LoadError } from '@/components/LoadError';
import { HelpLinks } from '@/components/HelpLinks';
import { MaskedValue } from '@/components/MaskedValue';
import { StepBar, JOURNEY_STEPS } from '@/components/StepBar';
import { VerificationTags } from '@/components/VerificationTags';
import { useJourneyDone } from '@/stores/journey';
import { useChildrenStore, displayName } from '@/stores/children';
import { useUpkeepStore } from '@/stores/upkeep';
import { useUploadLimit } from '@/stores/materials';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import { host } from '@/services/host';
import { navigation, usePageParams } from '@/services/navigation';
import { routes } from '@/config/routes';
import { hostName } from '@/config';
import { Section } from './sections/Section';
import { AddressSection } from './sections/AddressSection';
import { PropertySection } from './sections/PropertySection';
import { GuardiansSection } from './sections/GuardiansSection';
import { EvidenceSection } from './sections/EvidenceSection';
import { upkeepFieldId, type UpkeepFormProps } from './sections/form';
import '../add/index.css';
import './index.css';

/** 子女信息维护 (Q10, Q11, Q15, Q17, Q23): kept ahead of registration, reused in one tap. */
export default function Upkeep() {
  const journeyDone = useJourneyDone();
  const { childId } = usePageParams();
  const { load: loadChildren } = useChildrenStore();
  const child = useChildrenStore((s) => s.children.find((c) => c.id === childId) ?? null);
  const entry = useUpkeepStore((s) => (childId ? s.entries[childId] : undefined));
  const { load, update, attach, save } = useUpkeepStore();
  const { calendar, error: calendarError, load: loadCalendar, serverNow } = useClockStore();
  const { load: loadDistricts } = useDistrictStore();
  const district = useDistrictStore((s) => s.districts.find((d) => d.code === s.currentCode) ?? null);
  // The district policy's per-image limit, the same one the materials checklist carries.
  const limit = useUploadLimit(district && child?.eligibleStage ? { districtCode: district.code, stage: child.eligibleStage } : null);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Refused saves so far: each one moves the focus to the error summary.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void loadChildren();
    void loadCalendar();
    void loadDistricts();
    if (childId) void load(childId);
  }, [childId, load, loadChildren, loadCalendar, loadDistricts]);

  if (!childId) {
    return (
      <Page title='子女信息维护'>
        <NoticeBanner tone='info' title='请先选择要维护信息的子女'>
          <Button onPress={() => void navigation.replace(routes.children())}>
            去我的子女
          </Button>
        </NoticeBanner>
      </Page>
    );
  }
  if (!calendar && calendarError) {
    // Without the calendar the page cannot say whether upkeep is open: say so, never load for ever.
    return (
      <Page title='子女信息维护'>
        <LoadError title='暂时无法获取招生日程' error={calendarError} onRetry={() => void loadCalendar(true)} />
      </Page>
    );
  }
  if (!entry?.loaded || !calendar) {
    return (
      <Page title='子女信息维护'>
        <View className='muted' role='status'>
          正在加载已保存的信息…
        </View>
      </Page>
    );
  }

  const now = serverNow();
  const code = district?.code ?? null;
  const maintenance = maintenanceStatus(calendar, now, 'upkeep');
  const open = code !== null && isPhaseOpen(calendar, 'upkeep', code, now) && !maintenance.inMaintenance;
  const period = phasePeriod(calendar, 'upkeep', code);
  const d = entry.draft;
  const set = (change: (draft: UpkeepInfo) => void, clear: string) => {
    setServerErrors(({ [clear]: _gone, ...rest }) => rest);
    setBanner(null);
    update(childId, change);
  };
  const blur = (path: string) => () => setTouched((t) => ({ ...t, [path]: true }));
  // The domain's one upkeep check (the server runs the same on save and on submission).
  const errors = validateUpkeep(d, '', hostName());
  const err = (path: string) => serverErrors[path] ?? (touched[path] ? errors[path] ?? null : null);
  const certificate = d.property.kind === 'certificate';
  const unitLength = (d.property.unitNumber ?? '').replace(/\s/g, '').length;
  const unitError = serverErrors['property.unitNumber'] ?? (touched['property.unitNumber'] || unitLength >= 28 ? errors['property.unitNumber'] ?? null : null);
  const evidenceCodes = evidenceFor(entry.verification, d);
  const form: UpkeepFormProps = { draft: d, open, err, blur, set };

  const submit = async () => {
    const all: Record<string, boolean> = { 'householdAddress.text': true, 'residenceAddress.text': true, 'property.unitNumber': true };
    d.guardians.forEach((_, i) => Object.assign(all, { [`guardians.${i}.name`]: true, [`guardians.${i}.phone`]: true }));
    setTouched(all);
    if (Object.keys(errors).length > 0) {
      setAttempt((n) => n + 1);
      return setBanner({ tone: 'error', text: '请按红色提示修改后再保存，已填写的内容已保存在本机。' });
    }
    setBusy(true);
    const answer = await save(childId);
    setBusy(false);
    if (!answer.ok) {
      setServerErrors(answer.error.fieldErrors ?? {});
      setAttempt((n) => n + 1);
      return setBanner({ tone: 'error', text: answer.error.message });
    }
    setServerErrors({});
    setBanner({ tone: 'ok', text: '信息已保存。报名时可“一键引用”，无需重复填写。' });
  };

  // What stopped the last save, listed at the top (each is also shown beside its field).
  const labelled: [string, string, string | null][] = [
    ['householdAddress.text', UPKEEP_FIELD_LABELS['householdAddress.text'], err('householdAddress.text')],
    ['residenceAddress.text', UPKEEP_FIELD_LABELS['residenceAddress.text'], err('residenceAddress.text')],
    ['property.unitNumber', UPKEEP_FIELD_LABELS['property.unitNumber'], certificate ? err('property.unitNumber') : null],
    ...d.guardians.flatMap((_, i): [string, string, string | null][] => [
      [`guardians.${i}.name`, guardianFieldLabel('name', i), err(`guardians.${i}.name`)],
      [`guardians.${i}.phone`, guardianFieldLabel('phone', i), err(`guardians.${i}.phone`)],
    ]),
  ];
  const known = new Set(labelled.map(([path]) => path));
  const fieldProblems: SummaryError[] = [
    ...labelled.filter(([, , m]) => m).map(([path, label, m]) => ({ message: `${label}：${m}`, fieldId: upkeepFieldId(path) })),
    ...Object.entries(serverErrors).filter(([path]) => !known.has(path)).map(([, m]) => m),
  ];
  // Only refusals of what was typed; other failures (session, network) stay in the banner below.
  const problems = attempt > 0 && banner?.tone === 'error' ? fieldProblems : [];

  return (
    <Page title='子女信息维护'>
      <ErrorSummary errors={problems} attempt={attempt} />
      <StepBar steps={JOURNEY_STEPS} current={3} done={journeyDone} />
      {child ? <View className='upkeep-child'>{`为 ${displayName(child)} 维护信息`}</View> : null}

      {!code ? (
        <NoticeBanner tone='warn' title='请先选择当前区域'>
          <Text>信息维护的开放时间按区县分批安排。</Text>
          <Button onPress={() => void navigation.to(routes.district())}>
            选择当前区域
          </Button>
        </NoticeBanner>
      ) : maintenance.inMaintenance ? (
        <NoticeBanner tone='warn' title={maintenance.message}>
          <Text>维护期间可以查看已填写的信息，恢复后再保存。</Text>
        </NoticeBanner>
      ) : !open && period ? (
        <NoticeBanner tone='warn' title={toMs(now) < toMs(period.start) ? `${district?.name}子女信息维护将于 ${formatOpening(calendar, period.start, 'upkeep')} 开放` : `${district?.name}子女信息维护已于 ${formatDeadline(effectiveEnd(calendar, period.end, 'upkeep'))} 截止`}>
          <Text>{toMs(now) < toMs(period.start) ? '开放后可填写和修改，现在可以查看已保存的信息。' : '现在可以查看已保存的信息；未维护的信息可在报名时一并填写和上传，不影响报名。'}</Text>
        </NoticeBanner>
      ) : (
        <NoticeBanner tone='info' title={`信息维护开放中，截止 ${period ? formatDeadline(effectiveEnd(calendar, period.end, 'upkeep')) : ''}`}>
          <Text>填写内容自动保存在本机。维护先后不影响录取结果；未维护也可以在报名时填写。</Text>
        </NoticeBanner>
      )}

      {entry.error ? (
        // The saved copy could not be read: say so, or the parent might retype what the server has.
        <LoadError
          title='暂时无法读取已保存的信息'
          error={entry.error}
          onRetry={() => {
            if (childId) void load(childId);
          }}
        />
      ) : null}

      {entry.saved ? (
        <View className='card upkeep-saved' data-testid='upkeep-saved'>
          <View className='row'>
            <Text className='tag tag-ok'>✓ 已保存</Text>
            {entry.dirty ? <Text className='tag tag-warn'>有未保存的修改</Text> : null}
          </View>
          {entry.saved.guardians.map((g, i) => (
            <MaskedValue key={i} label={`${g.name || '监护人'}电话`} masked={maskPhone(g.phone)} full={g.phone} />
          ))}
        </View>
      ) : null}

      {entry.verification.length ? (
        <Section title='部门数据核验结果'>
          <View className='muted'>核验未通过不影响报名，请上传佐证材料，由审核人员确认。</View>
          <View className='upkeep-tags' data-testid='verification-tags'>
            <VerificationTags results={entry.verification.filter((v) => v.status !== 'notChecked')} />
          </View>
        </Section>
      ) : null}

      <AddressSection {...form} districtCode={code} />
      <PropertySection
        {...form}
        unitError={unitError}
        unitValid={certificate && !errors['property.unitNumber']}
        hostName={hostName()}
        offlinePoints={district?.offlinePoints ?? []}
        onOpenRealEstate={() => void host.openHostPage('myRealEstate')}
      />
      <GuardiansSection {...form} />
      <EvidenceSection codes={evidenceCodes} attachments={d.attachments} open={open} limit={limit} onAttach={(c, ids) => attach(childId, c, ids)} />

      {open || banner ? (
        <View className='upkeep-footer'>
          {/* A refusal is announced by the error summary at the top; this repeats it beside the button. */}
          {banner ? <NoticeBanner tone={banner.tone} title={banner.text} urgent={banner.tone === 'error' && problems.length === 0} /> : null}
          {open ? (
            <Button variant='primary' className='upkeep-save' busy={busy} onPress={() => void submit()}>
              {busy ? '正在保存…' : '保存信息'}
            </Button>
          ) : null}
        </View>
      ) : null}
      {entry.saved ? (
        <Button onPress={() => void navigation.to(routes.materials(childId))}>
          下一步：我的材料
        </Button>
      ) : null}
      <HelpLinks />
    </Page>
  );
}
