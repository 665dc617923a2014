import { View, Text } from '@tarojs/components';
import { Button } from '@/components/Button';

export interface NextStepsProps {
  onUpkeep: () => void;
  onMaterials: () => void;
  onReportCode: () => void;
}

/** 办理事项: where a parent goes from here for this child. */
export function NextSteps({ onUpkeep, onMaterials, onReportCode }: NextStepsProps) {
  return (
    <View className='card'>
      <View className='card-title'>办理事项</View>
      <Button variant='plain' className='list-item detail-link' onPress={onUpkeep}>
        <Text>子女信息维护</Text>
        <Text className='muted'>户籍、居住、房产、监护人 ›</Text>
      </Button>
      <Button variant='plain' className='list-item detail-link' onPress={onMaterials}>
        <Text>我的材料</Text>
        <Text className='muted'>需要准备和上传的材料 ›</Text>
      </Button>
      <Button variant='plain' className='list-item detail-link' onPress={onReportCode}>
        <Text>报到码</Text>
        <Text className='muted'>录取后9月报到时出示 ›</Text>
      </Button>
    </View>
  );
}
