/**
 * 消息 (issue 15): which status change tells the parent what, and the words of each message and of
 * its push. One place, used by the server (recording, pushing) and the pages alike. A push leaves the
 * module through the host, so it carries nothing personal beyond the child's masked name.
 */
import type { ApplicationAction, HistoryEntry } from '@contract/application';
import type { MessageKindName as MessageKind } from '@contract/enums';
import { MESSAGE_TITLES } from './labels';
import { formatDeadline } from './time';

export { MESSAGE_TITLES };

/** Hours before a deadline the reminder is sent (the day before). */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** The message a transition made by a reviewer or the system records; null when it tells nothing new. */
export function messageKindOf(action: ApplicationAction | HistoryEntry['action'], lottery?: { waitingPosition?: number }): MessageKind | null {
  switch (action) {
    case 'requestCorrection':
      return 'correctionRequested';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'drawWon':
    case 'admitWithoutLottery':
      return 'admitted';
    case 'drawLost':
      return lottery?.waitingPosition ? 'waitlisted' : 'notAdmitted';
    case 'forfeit':
      return 'forfeited';
    case 'issueNotice':
      return 'noticeIssued';
    default:
      return null;
  }
}

export interface MessageFacts {
  /** Masked (王*涵): the only personal datum a message or push carries. */
  childNameMasked: string;
  /** The deadline a reminder or a result names (ISO). */
  deadline?: string;
  waitingPosition?: number;
}

/** The message as the parent reads it in 消息. */
export function messageText(kind: MessageKind, f: MessageFacts): { title: string; body: string } {
  const who = f.childNameMasked;
  const by = f.deadline ? formatDeadline(f.deadline) : null;
  const body: Record<MessageKind, string> = {
    correctionRequested: `${who}的报名材料需要补正，请查看原因并重新上传${by ? `，补正截止时间${by}` : ''}`,
    approved: `${who}的报名已审核通过，请在${by ?? '截止时间'}前完成入学确认，逾期未确认视为放弃`,
    rejected: `${who}的报名审核未通过，请查看原因；如有疑问，请拨打区县招生咨询电话`,
    admitted: `${who}已被民办学校录取，请在${by ?? '截止时间'}前完成入学确认，未确认的视为自动放弃`,
    waitlisted: `${who}未被民办学校录取${f.waitingPosition ? `，候补第${f.waitingPosition}位` : ''}；可在公办兜底报名时间内报名公办学校`,
    notAdmitted: `${who}未被民办学校录取；可在公办兜底报名时间内报名公办学校`,
    forfeited: `${who}逾期未完成入学确认，视为放弃该学位；如有疑问，请拨打区县招生咨询电话`,
    noticeIssued: `${who}的电子入学通知书和报到码已发放，可在办件详情中下载`,
    correctionDue: `${who}的补正将于${by ?? '24小时内'}截止，请尽快重新上传材料并提交`,
    confirmationDue: `${who}的入学确认将于${by ?? '24小时内'}截止，逾期未确认视为放弃学位`,
  };
  return { title: MESSAGE_TITLES[kind], body: body[kind] };
}

/**
 * The words of a push through the host (订阅消息): the title and the child's masked name only, no
 * reason, school or deadline beyond what the kind says; the details are read inside the module.
 */
export function pushText(kind: MessageKind, childNameMasked: string): { title: string; body: string } {
  return { title: MESSAGE_TITLES[kind], body: `${childNameMasked}：${MESSAGE_TITLES[kind]}，请进入入学一件事查看` };
}
