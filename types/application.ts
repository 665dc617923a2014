import type { Stage } from './calendar';
import type { SchoolNature, SchoolType } from './district';
import type { MaterialCode, StudentSource } from './materials';
import type { VerificationResult, UpkeepInfo } from './child';

/**
 * Every status an application can be in (SPEC: Q18-Q27). Labels in Chinese live in src/domain/status.
 */
export type ApplicationStatus =
  | 'draft' // 草稿
  | 'submitted' // 待审核
  | 'withdrawn' // 已撤回
  | 'underReview' // 审核中
  | 'correctionRequested' // 待补正
  | 'resubmitted' // 已补正，待复审
  | 'approved' // 审核通过，待确认
  | 'rejected' // 审核未通过
  | 'privateRegistered' // 民办已报名，待摇号
  | 'lotteryWon' // 摇号录取
  | 'admittedWithoutLottery' // 直接录取
  | 'lotteryLost' // 未录取
  | 'forfeited' // 逾期未确认，视为放弃
  | 'confirmed' // 已确认入学
  | 'noticeIssued' // 已发放通知书
  | 'checkedIn'; // 已报到

export type Actor = 'parent' | 'reviewer' | 'system' | 'teacher';

export type ApplicationAction =
  | 'submit'
  | 'withdraw'
  | 'startReview'
  | 'requestCorrection'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'registerPrivate'
  | 'drawWon'
  | 'drawLost'
  | 'admitWithoutLottery'
  | 'confirm'
  | 'forfeit'
  | 'issueNotice'
  | 'checkIn';

export interface HistoryEntry {
  at: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  action: ApplicationAction | 'create';
  actor: Actor;
  /** Chinese note: reviewer's reason, lottery rank, etc. */
  note?: string;
}

export interface CorrectionRequest {
  reason: string;
  items: MaterialCode[];
  requestedAt: string;
  /** 补正 deadline. */
  dueAt?: string;
}

export interface Application {
  id: string;
  /** 办件编号 shown to parents, e.g. "RX2024500112000123". */
  number: string;
  childId: string;
  childNameMasked: string;
  stage: Stage;
  districtCode: string;
  nature: SchoolNature;
  schoolType: SchoolType;
  schoolId: string;
  schoolName: string;
  source: StudentSource;
  status: ApplicationStatus;
  history: HistoryEntry[];
  /** File ids per material code. */
  materials: Partial<Record<MaterialCode, string[]>>;
  upkeep: UpkeepInfo;
  verification: VerificationResult[];
  correction?: CorrectionRequest;
  submittedAt?: string;
  /** Review due date: 10 working days after submission (Q24). */
  reviewDueAt?: string;
  /** Deadline for the parent's 入学确认. */
  confirmBy?: string;
  lottery?: { rank: number; admitted: boolean; waitingPosition?: number; drawId: string };
  reportCodeAvailable: boolean;
  /** Whether this application came through the 公办兜底 channel after a private loss (Q22). */
  publicFallback: boolean;
  createdAt: string;
  updatedAt: string;
}
