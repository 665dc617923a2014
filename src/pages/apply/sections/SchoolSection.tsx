import { SCHOOL_NATURES } from '@contract/enums';
import { View, Text } from '@tarojs/components';
import type { ApiError } from '@contract/errors';
import type { SchoolsResponse } from '@contract/api';
import type { Child } from '@contract/child';
import type { District, School, SchoolNature, SchoolType } from '@contract/district';
import { Button } from '@/components/Button';
import { NoticeBanner } from '@/components/NoticeBanner';
import { RadioGroup } from '@/components/RadioGroup';
import { LoadError } from '@/components/LoadError';
import { maskName } from '@/domain/masking';
import { SCHOOL_NATURE_NAMES, SCHOOL_TYPE_NAMES } from '@/domain/labels';
import type { ApplyDraft } from '@/stores/applyDraft';

const TYPES_BY_NATURE: Record<SchoolNature, SchoolType[]> = {
  public: ['publicTight', 'publicNormal', 'converted'],
  private: ['private'],
};

export interface SchoolSectionProps {
  draft: ApplyDraft;
  update: (patch: Partial<ApplyDraft>) => unknown;
  district: District | null;
  schoolsError: ApiError | null;
  onRetrySchools: () => void;
  onChooseDistrict: () => void;
  onGoChildren: () => void;
  eligible: Child[];
  /** How the parent's children loaded: a failure (e.g. maintenance) is not "no child of age". */
  childrenLoad: { loaded: boolean; error: ApiError | null; onRetry: () => void };
  /** 不可兼报 or outside the window (canApply's refusal). */
  blocked: { code: string; message: string } | null;
  fallbackOpen: boolean;
  fallbackDeadline: string | null;
  schools: SchoolsResponse | null;
  school: School | null;
}

/** 1–3 of the registration form: district, child, school nature, type and school, and a private school's 招生简章. */
export function SchoolSection({ draft, update, district, schoolsError, onRetrySchools, onChooseDistrict, onGoChildren, eligible, childrenLoad, blocked, fallbackOpen, fallbackDeadline, schools, school }: SchoolSectionProps) {
  return (
    <>
      <View className='card' id='apply-district'>
        <View className='card-title'>1. 当前区域</View>
        <View className='row'>
          <Text>{district ? district.name : '尚未选择'}</Text>
          <Button variant='link' onPress={onChooseDistrict}>
            {district ? '更换区域' : '选择区域'}
          </Button>
        </View>
        <View className='muted'>当前区域是孩子9月就读学校所在的区县。</View>
        {schoolsError ? (
          <NoticeBanner tone='error' title='暂时无法获取学校名单' urgent>
            <Text>{schoolsError.message}</Text>
            <Button onPress={onRetrySchools}>
              重试
            </Button>
          </NoticeBanner>
        ) : null}
      </View>

      <View className='card' id='apply-child'>
        <View className='card-title'>2. 选择子女</View>
        {childrenLoad.error ? (
          <LoadError title='暂时无法获取子女信息' error={childrenLoad.error} onRetry={childrenLoad.onRetry} />
        ) : !childrenLoad.loaded ? (
          <View className='muted' role='status'>
            正在获取子女信息…
          </View>
        ) : eligible.length === 0 ? (
          <View className='muted'>
            没有符合本学段年龄的子女。
            <Button variant='link' onPress={onGoChildren}>
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

      <View className='card' id='apply-school'>
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
        {fallbackOpen ? (
          <NoticeBanner tone='info' title='公办兜底报名'>
            <Text>{`孩子未被民办学校录取，可报名公办学校${fallbackDeadline ? `，截止时间${fallbackDeadline}` : ''}。`}</Text>
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

      {draft.nature === 'private' && school?.brochure ? (
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
    </>
  );
}
