import { View } from '@tarojs/components';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';

export interface WithdrawActionProps {
  /** Not yet under review: the application may be withdrawn. */
  canWithdraw: boolean;
  /** Review has started: the parent reads why there is no 撤回. */
  reviewStarted: boolean;
  /** 撤回申请 was tapped: the dialog is open. */
  asking: boolean;
  busy: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** 撤回申请, asked once, while the review has not started; once it has, why it cannot be withdrawn. */
export function WithdrawAction({ canWithdraw, reviewStarted, asking, busy, onAsk, onConfirm, onCancel }: WithdrawActionProps) {
  return (
    <>
      {canWithdraw && !asking ? <Button onPress={onAsk}>撤回申请</Button> : null}
      {asking ? (
        <ConfirmDialog title='确定撤回吗？' confirmLabel='确定撤回' cancelLabel='不撤回' busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
          撤回后申请回到草稿，可修改后在报名时间内重新提交。
        </ConfirmDialog>
      ) : null}
      {reviewStarted ? <View className='muted'>审核已开始，不能撤回；如需修改，请等待审核人员的补正通知。</View> : null}
    </>
  );
}
