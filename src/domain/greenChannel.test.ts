import { calendar2024 } from '@server/data/calendar2024';
import { reviewDueAt } from './calendar';
import { greenChannelPromise, greenChannelReviewDueAt } from './greenChannel';

describe('绿色通道', () => {
  const cal = calendar2024;
  it('promises a shorter review than the ordinary 10 working days, on the working-day calendar', () => {
    const submitted = '2024-06-11T10:00:00+08:00';
    expect(reviewDueAt(cal, submitted)).toBe('2024-06-26T00:00:00+08:00');
    // 6-12, 6-13, 6-14, 6-17, 6-18 (the weekend does not count): due by the end of 6-18.
    expect(greenChannelReviewDueAt(cal, submitted)).toBe('2024-06-19T00:00:00+08:00');
    expect(greenChannelPromise(cal)).toBe('绿色通道优先审核：提交后 5 个工作日内完成审核（一般申请为 10 个工作日）。');
  });
});
