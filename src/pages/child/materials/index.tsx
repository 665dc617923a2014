import { View, Text } from '@tarojs/components';
import { useEffect } from 'react';
import type { MaterialItem, StudentSource } from '@contract/materials';
import type { SchoolType } from '@contract/district';
import type { Stage } from '@contract/calendar';
import { missingRequired } from '@/domain/materials';
import { SCHOOL_TYPE_NAMES, SOURCE_LABEL, SOURCE_NAMES, STAGE_NAMES } from '@/domain/labels';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { LoadError } from '@/components/LoadError';
import { StepBar, JOURNEY_STEPS } from '@/components/StepBar';
import { useJourneyDone } from '@/stores/journey';
import { Uploader } from '@/components/Uploader';
import { useChildrenStore, displayName } from '@/stores/children';
import { useMaterialsStore } from '@/stores/materials';
import { useDistrictStore } from '@/stores/district';
import { navigation, usePageParams } from '@/services/navigation';
import '../add/index.css';
import { Chips } from '@/components/Chips';
import './index.css';
import { routes } from '@/config/routes';

const SCHOOL_TYPES = Object.keys(SCHOOL_TYPE_NAMES) as SchoolType[];
const SOURCES = Object.keys(SOURCE_NAMES) as StudentSource[];
const STATE_TAG: Record<MaterialItem['state'], { text: string; cls: string }> = {
  required: { text: '必传', cls: 'tag-error' },
  optional: { text: '选传', cls: 'tag-info' },
  waived: { text: '✓ 免传', cls: 'tag-ok' },
};

/** 我的材料 (Q16-Q18): the district's checklist for a school type and student source, with uploads. */
export default function Materials() {
  const journeyDone = useJourneyDone();
  const { childId } = usePageParams();
  const { load: loadChildren } = useChildrenStore();
  const childrenLoaded = useChildrenStore((s) => s.loaded);
  const childrenError = useChildrenStore((s) => s.error);
  const districtsError = useDistrictStore((s) => s.error);
  const child = useChildrenStore((s) => s.children.find((c) => c.id === childId) ?? null);
  const { load: loadDistricts } = useDistrictStore();
  const district = useDistrictStore((s) => s.districts.find((d) => d.code === s.currentCode) ?? null);
  const entry = useMaterialsStore((s) => (childId ? s.entries[childId] : undefined));
  const { load, choose, setFiles } = useMaterialsStore();
  const stage: Stage = child?.eligibleStage ?? 'primary';

  useEffect(() => {
    void loadChildren();
    void loadDistricts();
  }, [loadChildren, loadDistricts]);
  useEffect(() => {
    if (childId && district && child) void load(childId, { districtCode: district.code, stage });
  }, [childId, district, child, stage, load]);

  if (!childId || (!district && useDistrictStore.getState().districts.length > 0)) {
    return (
      <Page title='我的材料'>
        <NoticeBanner tone='warn' title={!childId ? '请先选择子女' : '请先选择当前区域'}>
          <Text>所需材料按孩子9月就读区县的政策确定。</Text>
          <Button onPress={() => void navigation.to(!childId ? routes.children() : routes.district())}>
            {!childId ? '去我的子女' : '选择当前区域'}
          </Button>
        </NoticeBanner>
      </Page>
    );
  }
  // A failed or impossible load says why and what to do, never "正在加载" for ever.
  const loadFailure = childrenError ? { title: '暂时无法获取子女信息', error: childrenError, retry: () => void loadChildren(true) } : districtsError && !district ? { title: '暂时无法获取区县信息', error: districtsError, retry: () => void loadDistricts() } : null;
  if (loadFailure) {
    return (
      <Page title='我的材料'>
        <LoadError title={loadFailure.title} error={loadFailure.error} onRetry={loadFailure.retry} />
      </Page>
    );
  }
  if (childrenLoaded && !child) {
    return (
      <Page title='我的材料'>
        <NoticeBanner tone='warn' title='没有找到这个子女'>
          <Text>请回到“我的子女”重新选择。</Text>
          <Button onPress={() => void navigation.to(routes.children())}>去我的子女</Button>
        </NoticeBanner>
      </Page>
    );
  }
  if (!entry || !child) {
    return (
      <Page title='我的材料'>
        <View className='muted' role='status'>
          正在加载材料清单…
        </View>
      </Page>
    );
  }

  const { selection, checklist } = entry;
  const missing = checklist ? missingRequired(checklist, selection.files) : [];

  return (
    <Page title='我的材料'>
      <StepBar steps={JOURNEY_STEPS} current={4} done={journeyDone} />
      <View className='card'>
        <View className='materials-who'>{`${displayName(child)} · ${STAGE_NAMES[stage]} · ${district?.name ?? ''}`}</View>
        <Chips label='打算报名的学校类型' options={SCHOOL_TYPES.map((t) => ({ value: t, label: SCHOOL_TYPE_NAMES[t] }))} value={selection.schoolType} onChange={(schoolType) => void choose(childId, { schoolType })} />
        <Chips label={SOURCE_LABEL} options={SOURCES.map((s) => ({ value: s, label: SOURCE_NAMES[s] }))} value={selection.source} onChange={(source) => void choose(childId, { source })} />
        <View className='muted'>不确定学校类型的，可在“政策查看”中查看本区县学校名单；报名时可重新选择。</View>
      </View>

      {entry.error ? (
        <NoticeBanner tone='error' title='暂时无法获取材料清单' urgent>
          <Text>{entry.error.message}</Text>
          <Button onPress={() => void choose(childId, {})}>
            重新加载
          </Button>
        </NoticeBanner>
      ) : null}
      {entry.loading && !checklist ? (
        <View className='muted' role='status'>
          正在加载材料清单…
        </View>
      ) : null}

      {checklist ? (
        <>
          <NoticeBanner tone={missing.length ? 'warn' : 'ok'} title={missing.length ? `还有 ${missing.length} 项必传材料未上传` : '必传材料已上传齐全'}>
            <Text>{`照片会在手机上压缩后上传，每张不超过 ${Math.round(checklist.maxBytes / 1024 / 1024)}MB，每项最多 ${checklist.maxImagesPerItem} 张。上传的照片会自动保存，报名时直接使用。`}</Text>
          </NoticeBanner>
          <View className='card' data-testid='checklist'>
            <View className='card-title'>材料清单</View>
            {checklist.items.map((item) => {
              const tag = STATE_TAG[item.state];
              return (
                <View key={item.code} className={`material material-${item.state}`} data-testid={`material-${item.code}`}>
                  <View className='row'>
                    <Text className='material-name'>{item.name}</Text>
                    <Text className={`tag ${tag.cls}`}>{tag.text}</Text>
                  </View>
                  <View className='material-reason'>{item.state === 'waived' ? '已通过部门数据核验，无需上传' : item.reason}</View>
                  {item.state !== 'waived' ? (
                    <Uploader
                      materialCode={item.code}
                      label={item.name}
                      fileIds={selection.files[item.code] ?? []}
                      maxBytes={checklist.maxBytes}
                      maxImages={checklist.maxImagesPerItem}
                      onChange={(ids) => setFiles(childId, item.code, ids)}
                    />
                  ) : null}
                </View>
              );
            })}
          </View>
        </>
      ) : null}
      <Button variant='primary' onPress={() => void navigation.to(routes.childDetail(childId))}>
        完成，返回子女详情
      </Button>
      <HelpLinks />
    </Page>
  );
}
