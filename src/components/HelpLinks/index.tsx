import { View } from '@tarojs/components';
import { navigation } from '@/services/navigation';
import { pressKey } from '@/components/Pressable';
import './index.css';

const HELP = '/pages/service/help/index';

/** "政策查看 · 联系我们" under every step, so help is always one tap away (SPEC Q2, Q28–Q30). */
export function HelpLinks() {
  return (
    <View className='help-links' role='navigation' aria-label='帮助'>
      <View className='link' role='button' tabIndex={0} onKeyDown={pressKey} onClick={() => void navigation.to(`${HELP}?tab=policy`)}>
        政策查看
      </View>
      <View className='help-links-dot' aria-hidden>
        ·
      </View>
      <View className='link' role='button' tabIndex={0} onKeyDown={pressKey} onClick={() => void navigation.to(`${HELP}?tab=contact`)}>
        联系我们
      </View>
    </View>
  );
}
