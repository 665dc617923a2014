import dayjs from 'dayjs';
it('runs', () => { expect(dayjs('2024-05-07').year()).toBe(2024); });
