import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { validateName } from '@/domain/validators';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { LoadError } from '@/components/LoadError';
import { NoticeBanner } from '@/components/NoticeBanner';
import { HelpLinks } from '@/components/HelpLinks';
import { TextField } from '@/components/TextField';
import { MaskedValue } from '@/components/MaskedValue';
import { useChildrenStore, displayName } from '@/stores/children';
import { DRAFT_KEY_PREFIX, loadJson, removeKey, saveJson } from '@/stores/persisted';
import { navigation, usePageParams } from '@/services/navigation';
import { RELATIONSHIP_NAMES } from '@/domain/labels';
import { eligibilityText } from '../../children/childLabels';
import './index.css';
import { routes } from '@/config/routes';

/** The 户口簿姓名 being typed, kept as a draft so a re-login after an expired session does not lose it. */
export const realNameDraftKey = (childId: string) => `${DRAFT_KEY_PREFIX}real-name:${childId}`;

const cnDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

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

  const eligibility = eligibilityText(child);
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
      <View className='card detail-card'>
        <View className='detail-name'>{displayName(child)}</View>
        <View className='detail-rows'>
          <View className='detail-row'>
            <Text className='detail-key'>出生医学证明姓名</Text>
            <Text>{child.birthCertificateName}</Text>
          </View>
          {differs ? (
            <View className='detail-row'>
              <Text className='detail-key'>户口簿姓名</Text>
              <Text data-testid='real-name'>{child.realName}</Text>
            </View>
          ) : null}
          <View className='detail-row'>
            <MaskedValue label='身份证件号码' masked={child.idNumberMasked} reveal={() => reveal(child.id)} />
          </View>
          <View className='detail-row'>
            <Text className='detail-key'>出生日期</Text>
            <Text>{cnDate(child.birthDate)}</Text>
          </View>
          <View className='detail-row'>
            <Text className='detail-key'>性别 · 关系</Text>
            <Text>{`${child.sex === 'female' ? '女' : '男'} · ${RELATIONSHIP_NAMES[child.relationship]}`}</Text>
          </View>
          <View className='detail-row'>
            <Text className='detail-key'>来源</Text>
            <Text>{child.source === 'birthRecord' ? '出生医学证明共享数据' : '家长手动新增'}</Text>
          </View>
        </View>
        <View className={`detail-eligibility ${eligibility.ok ? 'detail-ok' : 'detail-warn'}`} data-testid='eligibility'>
          {eligibility.ok ? `✓ ${eligibility.text}` : eligibility.text}
        </View>
        {child.greenChannel ? <Text className='tag tag-info'>绿色通道：可优先办理</Text> : null}
      </View>

      <View className='card' data-testid='real-name-card'>
        <View className='card-title'>姓名与户口簿不一致？</View>
        <View className='muted'>系统显示的是出生医学证明上的姓名。如孩子上户口时改了名字，请填写户口簿上的姓名。这不影响报名。</View>
        {saved ? <NoticeBanner tone='ok' title={saved} /> : null}
        {editing ? (
          <View className='detail-edit'>
            <TextField
              label='户口簿姓名'
              value={realName}
              placeholder='与户口簿一致'
              error={nameError}
              onInput={(v) => {
                setRealNameInput(v);
                setNameError(null);
                void saveJson(realNameDraftKey(child.id), { realName: v });
              }}
            />
            <View className='detail-edit-actions'>
              <Button variant='primary' busy={busy} onPress={() => void saveRealName(realName)}>
                保存户口簿姓名
              </Button>
              <Button onPress={() => {
                  setEditing(false);
                  void removeKey(realNameDraftKey(child.id));
                }}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <View className='detail-edit-actions'>
            <Button onPress={() => {
                setRealNameInput(child.realName ?? '');
                setNameError(null);
                setEditing(true);
              }}>
              {differs ? '修改户口簿姓名' : '填写户口簿姓名'}
            </Button>
            {differs ? (
              <Button onPress={() => void saveRealName(null)}>
                恢复为出生证姓名
              </Button>
            ) : null}
          </View>
        )}
      </View>

      <View className='card'>
        <View className='card-title'>办理事项</View>
        <Button variant='plain' className='list-item detail-link' onPress={() => go(routes.upkeep)}>
          <Text>子女信息维护</Text>
          <Text className='muted'>户籍、居住、房产、监护人 ›</Text>
        </Button>
        <Button variant='plain' className='list-item detail-link' onPress={() => go(routes.materials)}>
          <Text>我的材料</Text>
          <Text className='muted'>需要准备和上传的材料 ›</Text>
        </Button>
        <Button variant='plain' className='list-item detail-link' onPress={() => go(routes.reportCode)}>
          <Text>报到码</Text>
          <Text className='muted'>录取后9月报到时出示 ›</Text>
        </Button>
      </View>
      <HelpLinks />
    </Page>
  );
}
