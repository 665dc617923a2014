import { View } from '@tarojs/components';
import { Button } from '@/components/Button';

/** Each link is shown only when the page gives its callback (the status allows it). */
export interface NextLinksProps {
  /** 修改并重新提交: a withdrawn application back into the form. */
  onEditAndResubmit?: () => void;
  /** 报名公办学校（公办兜底）: after a private place was lost. */
  onPublicFallback?: () => void;
  onLottery?: () => void;
  /** 电子入学通知书 and 报到码, once the notice is issued. */
  documents?: { onNotice: () => void; onReportCode: () => void };
}

/** Where the parent goes from this step: back to the form, the public fallback, the lottery, the notice. */
export function NextLinks({ onEditAndResubmit, onPublicFallback, onLottery, documents }: NextLinksProps) {
  return (
    <>
      {onEditAndResubmit ? (
        <Button variant='primary' onPress={onEditAndResubmit}>
          修改并重新提交
        </Button>
      ) : null}
      {onPublicFallback ? (
        <Button variant='primary' onPress={onPublicFallback}>
          报名公办学校（公办兜底）
        </Button>
      ) : null}
      {onLottery ? <Button onPress={onLottery}>查看录取结果和摇号过程</Button> : null}
      {documents ? (
        <View>
          <Button variant='primary' onPress={documents.onNotice}>
            查看电子入学通知书
          </Button>
          <Button onPress={documents.onReportCode}>查看报到码</Button>
        </View>
      ) : null}
    </>
  );
}
