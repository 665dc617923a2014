import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { validateName } from '@/domain/validators';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { LoadError } from '@/components/LoadError';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { useChildrenStore, displayName } from '@/stores/children';
import { DRAFT_KEY_PREFIX, loadJson, removeKey, saveJson } from '@/stores/persisted';
import { navigation, usePageParams } from '@/services/navigation';
import { routes } from '@/config/routes';
import { IdentitySection } from './sections/IdentitySection';
import { RealNameSection } from './sections/RealNameSection';
import { NextSteps } from './sections/NextSteps';
import './index.css';

/** The 户口簿姓名 being typed, kept as a draft so a re-login after an expired session does not lose it. */
export const realNameDraftKey = (childId: string) => `${DRAFT_KEY_PREFIX}real-name:${childId}`;

/** 子女详情: identity (masked), eligibility, real-name correction (Q14), and the next steps. */
export default function ChildDetail() {
  const { childId } = usePageParams();
  const { load, loaded, error, setRealName, reveal } = useChildrenStore();
  const child = useChildrenStore((s) => s.children.find((c) => c.id === childId) ?? null);
  const [editing, setEditing] = useState(false);
  const [realName, setRealNameInput] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  // A correction typed before a re-login (or a reload) comes back, still open for saving.
  useEffect(() => {
    if (!childId) return;
    let live = true;
    void loadJson<{ realName: string }>(realNameDraftKey(childId)).then((kept) => {
      if (!live || typeof kept?.realName !== 'string') return;
      setRealNameInput(kept.realName);
      setEditing(true);
    });
    return () => {
      live = false;
    };
  }, [childId]);

  if (!child) {
    return (
      <Page title='子女详情'>
        {error ? (
          <LoadError title='暂时无法获取子女信息' error={error} onRetry={() => void load(true)} />
        ) : loaded ? (
          <NoticeBanner tone='warn' title='没有找到这个子女'>
            <Button variant='link' onPress={() => void navigation.replace(routes.children())}>
              返回我的子女
            </Button>
          </NoticeBanner>
        ) : (
          <View className='muted' role='status'>
            正在加载…
          </View>
        )}
      </Page>
    );
  }

  const differs = !!child.realName && child.realName !== child.birthCertificateName;

  const saveRealName = async (value: string | null) => {
    setSaved(null);
    let next: string | null = null;
    if (value !== null && value.trim() !== '') {
      const checked = validateName(value);
      if (!checked.ok) return setNameError(checked.message);
      next = checked.value === child.birthCertificateName ? null : checked.value;
    }
    // A new attempt takes down the last failure's message: it must not read as this attempt's answer.
    setNameError(null);
    setBusy(true);
    const answer = await setRealName(child.id, next);
    setBusy(false);
    if (!answer.ok) return setNameError(answer.error.fieldErrors?.realName ?? answer.error.message);
    void removeKey(realNameDraftKey(child.id));
    setEditing(false);
    setNameError(null);
    setSaved(next ? `已保存户口簿姓名“${next}”，报名时将使用此姓名。` : '已恢复为出生医学证明上的姓名。');
  };

  const go = (to: (childId: string) => string) => void navigation.to(to(child.id));

  return (
    <Page title='子女详情'>
      <IdentitySection child={child} name={displayName(child)} showRealName={differs} onReveal={() => reveal(child.id)} />
      <RealNameSection
        differs={differs}
        saved={saved}
        editing={editing}
        value={realName}
        error={nameError}
        busy={busy}
        onEdit={() => {
          setRealNameInput(child.realName ?? '');
          setNameError(null);
          setEditing(true);
        }}
        onInput={(v) => {
          setRealNameInput(v);
          setNameError(null);
          void saveJson(realNameDraftKey(child.id), { realName: v });
        }}
        onSave={() => void saveRealName(realName)}
        onCancel={() => {
          setEditing(false);
          void removeKey(realNameDraftKey(child.id));
        }}
        onRestore={() => void saveRealName(null)}
      />
      <NextSteps onUpkeep={() => go(routes.upkeep)} onMaterials={() => go(routes.materials)} onReportCode={() => go(routes.reportCode)} />
      <HelpLinks />
    </Page>
  );
}
