import { View } from '@tarojs/components';
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../Button';
import { useDomId } from '../useDomId';
import { focusSoon } from '../focusSoon';
import './index.css';

interface Props {
  /** The question, e.g. "确认入学吗？". */
  title: string;
  /** What the action means and what cannot be undone, in the parent's words. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The action is under way: both answers wait for it. */
  busy?: boolean;
}

/**
 * Asks once before an irreversible action (确认入学, 撤回, 退出登录): says what it means, and offers
 * doing it or not. Shown in place (under the button that asked), with the focus moved to it so a
 * screen reader reads the question at once; nothing happens until one of the answers is pressed.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel, busy = false }: Props) {
  const ref = useRef<unknown>(null);
  const titleId = useDomId('confirm-title');
  const bodyId = useDomId('confirm-body');
  useEffect(() => focusSoon(ref), []);
  return (
    <View ref={ref} className='confirm-dialog' role='alertdialog' aria-labelledby={titleId} aria-describedby={bodyId} tabIndex={-1} data-testid='confirm-dialog'>
      <View id={titleId} className='confirm-dialog-title'>
        {title}
      </View>
      <View id={bodyId} className='confirm-dialog-body'>
        {children}
      </View>
      <View className='confirm-dialog-actions'>
        <Button className='btn-inline' disabled={busy} onPress={onCancel}>
          {cancelLabel}
        </Button>
        <Button variant='primary' className='btn-inline' busy={busy} onPress={onConfirm}>
          {confirmLabel}
        </Button>
      </View>
    </View>
  );
}
