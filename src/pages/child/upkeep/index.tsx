import { PROPERTY_KINDS, RELATIONSHIPS } from '@contract/enums';
import { View, Text } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import type { UpkeepInfo } from '@contract/child';
import { effectiveEnd, formatOpening, isPhaseOpen, maintenanceStatus, phasePeriod } from '@/domain/calendar';
import { unitNumberHint } from '@/domain/validators';
import { validateUpkeep } from '@/domain/upkeep';
import { MATERIAL_NAMES, PROPERTY_KIND_NAMES, PROPERTY_KIND_NOTES, RELATIONSHIP_NAMES, UNIT_NUMBER_LABEL } from '@/domain/labels';
import { evidenceFor } from '@/domain/materials';
import { maskPhone } from '@/domain/masking';
import { formatDeadline, toMs } from '@/domain/time';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { ErrorSummary, type SummaryError } from '@/components/ErrorSummary';
import { NoticeBanner } from '@/components/NoticeBanner';
import { LoadError } from '@/components/LoadError';
import { HelpLinks } from '@/components/HelpLinks';
import { TextField } from '@/components/TextField';
import { MaskedValue } from '@/components/MaskedValue';
import { StepBar, JOURNEY_STEPS } from '@/components/StepBar';
import { useJourneyDone } from '@/stores/journey';
import { Uploader } from '@/components/Uploader';
import { VerificationTags } from '@/components/VerificationTags';
import { useChildrenStore, displayName } from '@/stores/children';
import { useUpkeepStore } from '@/stores/upkeep';
import { useUploadLimit } from '@/stores/materials';
import { useClockStore } from '@/stores/clock';
import { useDistrictStore } from '@/stores/district';
import { host } from '@/services/host';
import { navigation, usePageParams } from '@/services/navigation';
import '../add/index.css';
import { Chips } from '@/components/Chips';
import './index.css';
import { routes } from '@/config/routes';
import { hostName } from '@/config';


function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='card upkeep-section'>
      <View className='card-title' role='heading' aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  );
}

/** The input id of a form path ('guardians.0.phone' → 'upkeep-guardians-0-phone'): the error summary links there. */
const fieldIdOf = (path: string) => `upkeep-${path.replace(/\./g, '-')}`;

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
    ['householdAddress.text', '户籍地址', err('householdAddress.text')],
    ['residenceAddress.text', '实际居住地址', err('residenceAddress.text')],
    ['property.unitNumber', '不动产单元号', certificate ? err('property.unitNumber') : null],
    ...d.guardians.flatMap((_, i): [string, string, string | null][] => [
      [`guardians.${i}.name`, `监护人${i + 1}姓名`, err(`guardians.${i}.name`)],
      [`guardians.${i}.phone`, `监护人${i + 1}手机号码`, err(`guardians.${i}.phone`)],
    ]),
  ];
  const known = new Set(labelled.map(([path]) => path));
  const fieldProblems: SummaryError[] = [
    ...labelled.filter(([, , m]) => m).map(([path, label, m]) => ({ message: `${label}：${m}`, fieldId: fieldIdOf(path) })),
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

      <Section title='户籍与居住地址'>
        <TextField
          id={fieldIdOf('householdAddress.text')}
          label='户籍地址（户口簿地址）'
          value={d.householdAddress.text}
          disabled={!open}
          placeholder='如：重庆市渝北区龙溪街道金龙路88号3栋2单元501'
          error={err('householdAddress.text')}
          onBlur={blur('householdAddress.text')}
          onInput={(v) => set((x) => void (x.householdAddress = { ...x.householdAddress, text: v }), 'householdAddress.text')}
        />
        <TextField
          id={fieldIdOf('residenceAddress.text')}
          label='实际居住地址'
          value={d.residenceAddress.text}
          disabled={!open}
          placeholder='详细到门牌号'
          error={err('residenceAddress.text')}
          onBlur={blur('residenceAddress.text')}
          onInput={(v) => set((x) => void (x.residenceAddress = { text: v, districtCode: code ?? undefined }), 'residenceAddress.text')}
          extra={
            open ? (
              <Button variant='link' onPress={() => set((x) => void (x.residenceAddress = { text: x.householdAddress.text, districtCode: code ?? undefined }), 'residenceAddress.text')}>
                与户籍地址相同
              </Button>
            ) : null
          }
        />
      </Section>

      <Section title='房产情况'>
        <Chips label='房产情况' disabled={!open} options={PROPERTY_KINDS.map((kind) => ({ value: kind, label: PROPERTY_KIND_NAMES[kind] }))} value={d.property.kind} onChange={(kind) => set((x) => void (x.property = { ...x.property, kind }), 'property.kind')} />
        {d.property.kind === 'certificate' ? (
          <>
            <TextField
              id={fieldIdOf('property.unitNumber')}
              label={UNIT_NUMBER_LABEL}
              value={d.property.unitNumber ?? ''}
              disabled={!open}
              maxlength={40}
              placeholder='28 位，如 500112001002GB00012F00010001'
              error={unitError}
              onBlur={blur('property.unitNumber')}
              onInput={(v) => set((x) => void (x.property = { ...x.property, unitNumber: v }), 'property.unitNumber')}
              hint={
                <View>
                  <View>{`共 28 位（已输入 ${unitLength} 位）：6 位行政区代码 + 6 位地籍区和子区 + 2 位宗地特征码 + 5 位宗地顺序号 + 1 位定着物特征码 + 8 位定着物单元编号。`}</View>
                  <View>{unitNumberHint(hostName())}</View>
                </View>
              }
              extra={
                <Button className='upkeep-host-btn' onPress={() => void host.openHostPage('myRealEstate')}>
                  {`打开${hostName()}“我的不动产”查看`}
                </Button>
              }
            />
            {certificate && !errors['property.unitNumber'] ? (
              <View className='add-eligible' role='status'>
                ✓ 不动产单元号格式正确
              </View>
            ) : null}
            <TextField label='权利人姓名（证书上的产权人）' value={d.property.ownerName ?? ''} disabled={!open} onInput={(v) => set((x) => void (x.property = { ...x.property, ownerName: v }), 'property.ownerName')} />
          </>
        ) : null}
        {d.property.kind === 'noCertificate' ? (
          <NoticeBanner tone='warn' title={`${PROPERTY_KIND_NAMES.noCertificate}：需线下办理`}>
            <Text>{PROPERTY_KIND_NOTES.noCertificate}</Text>
            {district?.offlinePoints.map((p) => (
              <View key={p.name} className='muted'>{`${p.name}：${p.address}（${p.hours}）`}</View>
            ))}
          </NoticeBanner>
        ) : null}
        {d.property.kind === 'rented' ? <View className='muted'>{PROPERTY_KIND_NOTES.rented}</View> : null}
        <Chips
          label='户主或房屋权利人是否为其他监护人（如配偶、祖父母）？'
          disabled={!open}
          options={[
            { value: 'no', label: '否，是我本人' },
            { value: 'yes', label: '是，是其他监护人' },
          ]}
          value={d.householdHeadIsOtherGuardian ? 'yes' : 'no'}
          onChange={(v) => set((x) => void (x.householdHeadIsOtherGuardian = v === 'yes'), 'householdHeadIsOtherGuardian')}
        />
      </Section>

      <Section title='监护人联系方式'>
        {d.guardians.map((g, i) => (
          <View key={i} className='upkeep-guardian'>
            <TextField
              id={fieldIdOf(`guardians.${i}.name`)}
              label={`监护人${i + 1}姓名`}
              value={g.name}
              disabled={!open}
              error={err(`guardians.${i}.name`)}
              onBlur={blur(`guardians.${i}.name`)}
              onInput={(v) => set((x) => void (x.guardians[i].name = v), `guardians.${i}.name`)}
            />
            <Chips label={`监护人${i + 1}与子女的关系`} disabled={!open} options={RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_NAMES[r] }))} value={g.relationship} onChange={(r) => set((x) => void (x.guardians[i].relationship = r), `guardians.${i}.relationship`)} />
            <TextField
              id={fieldIdOf(`guardians.${i}.phone`)}
              label={`监护人${i + 1}手机号码`}
              value={g.phone}
              type='number'
              maxlength={11}
              disabled={!open}
              hint='用于接收审核结果短信'
              error={err(`guardians.${i}.phone`)}
              onBlur={blur(`guardians.${i}.phone`)}
              onInput={(v) => set((x) => void (x.guardians[i].phone = v), `guardians.${i}.phone`)}
            />
          </View>
        ))}
        {open && d.guardians.length < 2 ? (
          <Button variant='link' onPress={() => set((x) => void x.guardians.push({ name: '', relationship: 'father', phone: '' }), 'guardians')}>
            ＋ 添加另一位监护人
          </Button>
        ) : null}
      </Section>

      {evidenceCodes.length ? (
        <Section title='佐证材料'>
          <View className='muted'>以下材料因数据核验未通过或家庭情况需要上传，照片会在手机上压缩后上传。</View>
          {evidenceCodes.map((c) => (
            <View key={c} className='upkeep-evidence'>
              <View className='upkeep-evidence-name'>{MATERIAL_NAMES[c]}</View>
              {open && limit ? (
                <Uploader materialCode={c} label={MATERIAL_NAMES[c]} fileIds={d.attachments[c] ?? []} maxBytes={limit.maxBytes} maxImages={limit.maxImagesPerItem} onChange={(ids) => attach(childId, c, ids)} />
              ) : open ? (
                <View className='muted' role='status'>正在获取上传要求…</View>
              ) : (
                <View className='muted'>{`已上传 ${(d.attachments[c] ?? []).length} 张`}</View>
              )}
            </View>
          ))}
        </Section>
      ) : null}

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
