import { View } from '@tarojs/components';

export default function Index() {
  return <View>基线应用</View>;
}
