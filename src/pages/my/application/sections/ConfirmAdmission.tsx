import { View, Text } from '@tarojs/components';
import type { Application } from '@contract/application';
import { Button } from '@/components/Button';
import { NoticeBanner } from '@/components/NoticeBanner';
import { Countdown } from '@/components/Countdown';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import type { NextAction } from '@/domain/status';
import { formatDeadline } from '@/domain/time';

export interface ConfirmAdmissionProps {
  app: Application;
  next: NextAction;
  /** The confirmation deadline passed unanswered: the place is given up. */
  forfeited: boolean;
  /** 确认入学 is open now. */
  confirmable: boolean;
  /** A private school's place: counted down to the minute, and binding against any public one. */
  privateConfirm: boolean;
  /** The server's time now, for the countdown. */
  now: () => string;
  /** 确认入学 was tapped: the dialog saying what it binds is open. */
  asking: boolean;
  busy: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** The countdown reached the deadline while the page was open. */
  onPassed: () => void;
}

/** 入学确认: the deadline, the binding answer asked once, or the place given up once it passed. */
export function ConfirmAdmission({ app, next, forfeited, confirmable, privateConfirm, now, asking, busy, onAsk, onConfirm, onCancel, onPassed }: ConfirmAdmissionProps) {
  return (
    <>
      {forfeited ? (
        <NoticeBanner tone='error' title='已逾期未确认，视为放弃该学位'>
          <Text>{`入学确认已于 ${app.confirmBy ? formatDeadline(app.confirmBy) : next.deadlineText ?? ''} 截止。${app.nature === 'private' && next.deadlineText ? `可在${next.deadlineText}前报名公办学校（公办兜底）。` : '如有疑问，请拨打区县招生咨询电话。'}`}</Text>
        </NoticeBanner>
      ) : null}

      {confirmable && next.deadline ? (
        <View>
          {privateConfirm ? <Countdown deadline={next.deadline} now={now} label='距民办学校入学确认截止' onPassed={onPassed} /> : <View className='ad-deadline'>{`请在${next.deadlineText}前确认`}</View>}
          {asking ? (
            <ConfirmDialog title='确定确认入学吗？' confirmLabel='确定确认入学' cancelLabel='暂不确认' busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
              {privateConfirm
                ? `确认后，孩子的学位锁定在${app.schoolName}（民办），不能撤回，也不能再报名公办学校。`
                : `确认后，孩子将在${app.schoolName}入学，学位为孩子保留；确认不能撤回。`}
            </ConfirmDialog>
          ) : (
            <Button variant='primary' busy={busy} onPress={onAsk}>
              确认入学
            </Button>
          )}
        </View>
      ) : null}
    </>
  );
}
