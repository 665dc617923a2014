import { View } from '@tarojs/components';
import { navigation } from '@/services/navigation';
import { routes } from '@/config/routes';
import { Button } from '../Button';
import './index.css';

/** "政策查看 · 联系我们" under every step, so help is always one tap away (SPEC Q2, Q28–Q30). */
export function HelpLinks() {
  return (
    <View className='help-links' role='navigation' aria-label='帮助'>
      <Button variant='link' onPress={() => void navigation.to(routes.help('policy'))}>
        政策查看
      </Button>
      <View className='help-links-dot' aria-hidden>
        ·
      </View>
      <Button variant='link' onPress={() => void navigation.to(routes.help('contact'))}>
        联系我们
      </Button>
    </View>
  );
}
