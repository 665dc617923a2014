import { View, Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button } from '@/components/Button';
import { Switch } from '@/components/Switch';
import { Page } from '@/components/Page';
import { HelpLinks } from '@/components/HelpLinks';
import { NoticeBanner } from '@/components/NoticeBanner';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { navigation } from '@/services/navigation';
import { useSessionStore } from '@/stores/session';
import { useUiStore, selectElder } from '@/stores/ui';
import { APPLY_DRAFT_KEYS, useApplyDraftStore } from '@/stores/applyDraft';
import { useApplicationsStore } from '@/stores/applications';
import { ADD_CHILD_DRAFT_KEY, useChildrenStore } from '@/stores/children';
import { useUpkeepStore } from '@/stores/upkeep';
import { useMaterialsStore } from '@/stores/materials';
import { useMessagesStore } from '@/stores/messages';
import './index.css';
import { routes } from '@/config/routes';

// An expired session sends the parent to 刷脸 and back here (this page may be the first one opened).

/** 个人中心: 我的申请, 我的子女, 设置 (长辈版), 退出登录. */
export default function My() {
  const session = useSessionStore((s) => s.session);
  const restore = useSessionStore((s) => s.restore);
  const logout = useSessionStore((s) => s.logout);
  const elder = useUiStore(selectElder);
  const choose = useUiStore((s) => s.choose);
  const [loggedOut, setLoggedOut] = useState(false);
  // 退出登录 loses the drafts on this phone: it asks once, saying so.
  const [askLogout, setAskLogout] = useState(false);

  useEffect(() => void restore(), [restore]);
  const unread = useMessagesStore((s) => s.unread);
  const loadUnread = useMessagesStore((s) => s.loadUnread);
  useEffect(() => void loadUnread(), [loadUnread, session]);

  const doLogout = async () => {
    // Drafts hold a child's personal data: a shared phone must not keep them, on disk or in memory.
    // Every draft key is indexed by saveJson; the fixed keys also cover drafts saved before the index.
    await logout([...APPLY_DRAFT_KEYS, ADD_CHILD_DRAFT_KEY]);
    useApplyDraftStore.setState({ draft: null, lastSubmitted: null });
    useApplicationsStore.setState({ list: [], byId: {}, error: null });
    useChildrenStore.setState({ children: [], loaded: false, addDraft: { name: '', idNumber: '', relationship: null }, addDraftLoaded: false });
    useUpkeepStore.setState({ entries: {} });
    useMaterialsStore.setState({ entries: {} });
    setLoggedOut(true);
    void navigation.home();
  };

  const go = (url: string) => void navigation.to(url);
  return (
    <Page title='个人中心' here='my'>
      {loggedOut ? <NoticeBanner tone='ok' title='已退出登录，本机保存的报名草稿已清除' /> : null}
      <View className='card my-head'>
        {session ? (
          <View>
            <View className='card-title'>{session.parent.nameMasked}</View>
            <View className='muted'>{`身份证 ${session.parent.idNumberMasked} · 手机 ${session.parent.phoneMasked}`}</View>
          </View>
        ) : (
          <View>
            <View className='card-title'>尚未登录</View>
            <Button variant='primary' onPress={() => go(routes.login({ page: 'my' }))}>
              刷脸登录
            </Button>
          </View>
        )}
      </View>
      <View className='card'>
        <Button variant='plain' className='list-item' onPress={() => go(routes.applications())}>
          <Text>我的申请</Text>
          <Text className='muted'>查看进度、撤回、补正、入学确认 ›</Text>
        </Button>
        <Button variant='plain' className='list-item' aria-label={unread ? `消息，${unread}条未读` : '消息'} onPress={() => go(routes.messages())}>
          <Text>消息</Text>
          <Text className='muted'>{unread ? `${unread}条未读 ›` : '审核结果、补正和入学确认提醒 ›'}</Text>
        </Button>
        <Button variant='plain' className='list-item' onPress={() => go(routes.children())}>
          <Text>我的子女</Text>
          <Text className='muted'>子女信息、报到码 ›</Text>
        </Button>
        <Button variant='plain' className='list-item' onPress={() => go(routes.help())}>
          <Text>政策查看 · 联系我们</Text>
          <Text className='muted'>›</Text>
        </Button>
      </View>
      <View className='card'>
        <View className='card-title'>设置</View>
        <View className='list-item'>
          <View>
            <View>长辈版</View>
            <View className='muted'>字体更大、按钮更大</View>
          </View>
          <Switch label='长辈版' checked={elder} onChange={(on) => void choose(on ? 'elder' : 'normal')} />
        </View>
        <View className='my-style-status' role='status' aria-live='polite' data-testid='elder-status'>
          {elder ? '已切换为长辈版：字体更大、按钮更大' : '当前为标准版'}
        </View>
      </View>
      {session && !askLogout ? (
        <Button className='my-logout' onPress={() => setAskLogout(true)}>
          退出登录
        </Button>
      ) : null}
      {session && askLogout ? (
        <ConfirmDialog title='确定退出登录吗？' confirmLabel='确定退出' cancelLabel='不退出' onConfirm={() => void doLogout()} onCancel={() => setAskLogout(false)}>
          退出后需要重新刷脸才能继续办理；本机保存的报名草稿和未保存的填写内容会被清除，已提交的申请不受影响。
        </ConfirmDialog>
      ) : null}
      <HelpLinks />
    </Page>
  );
}
