import { calendar2024 as cal } from '@server/data/calendar2024';
import { reviewPromise } from './review';

const at = (s: string) => `2024-${s}+08:00`;

describe('the review promise (Q24): 10 working days from submission on the calendar', () => {
  it('is due after the 10th working day after the submission day, skipping weekends and the 端午 holiday', () => {
    // Submitted Mon 6-03: 6-04..6-07, 6-11..6-14 (6-10 端午), 6-17, 6-18 → due before 6-19.
    const p = reviewPromise({ status: 'submitted', submittedAt: at('06-03T10:00:00') }, at('06-05T10:00:00'), cal);
    expect(p).toEqual({ dueAt: at('06-19T00:00:00'), overdue: false, text: '区县将在提交后10个工作日内完成审核，最迟6月18日（含当日）告知结果（周末和节假日不计）' });
  });

  it('says 审核中 while under review, and is overdue from the instant it falls due', () => {
    const app = { status: 'underReview' as const, submittedAt: at('06-03T10:00:00'), reviewDueAt: at('06-19T00:00:00') };
    expect(reviewPromise(app, at('06-18T23:59:59'), cal)).toMatchObject({ overdue: false, text: expect.stringMatching(/^审核中。/) });
    const late = reviewPromise(app, at('06-19T00:00:00'), cal);
    expect(late).toMatchObject({ overdue: true });
    expect(late!.text).toContain('审核已超过承诺的10个工作日（最迟6月18日（含当日））');
  });

  it('is gone once decided, and absent before submission', () => {
    expect(reviewPromise({ status: 'approved', submittedAt: at('06-03T10:00:00') }, at('06-05T10:00:00'), cal)).toBeNull();
    expect(reviewPromise({ status: 'correctionRequested', submittedAt: at('06-03T10:00:00') }, at('06-05T10:00:00'), cal)).toBeNull();
    expect(reviewPromise({ status: 'draft' }, at('06-05T10:00:00'), cal)).toBeNull();
  });
});
