/**
 * The enrolment year's calendar, as the server publishes it (SPEC: Q8, Q9).
 * All instants are ISO-8601 strings with an explicit offset (+08:00, Asia/Shanghai).
 * Periods are half-open: start <= t < end, so "by 6-20 18:00" means end = 18:00:00.
 */
import { z } from 'zod';
import { STAGES } from './enums';
import { InstantSchema, LocalDateSchema, LocalTimeSchema } from './common';

export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const PeriodSchema = z.strictObject({ start: InstantSchema, end: InstantSchema });
export type Period = z.infer<typeof PeriodSchema>;

export const PhaseIdSchema = z.enum([
  'upkeep', // 子女信息维护
  'registration', // 正式网上报名 (public)
  'privateRegistration', // 民办学校报名
  'privateLottery', // 民办摇号
  'privateConfirmation', // 民办入学确认
  'publicFallback', // 公办兜底
  'review', // 网上审核
  'confirmation', // 家长入学确认
  'notice', // 电子通知书 / 报到码
]);
export type PhaseId = z.infer<typeof PhaseIdSchema>;

export const PhaseDefSchema = z.strictObject({
  id: PhaseIdSchema,
  /** Chinese name shown to parents, e.g. "子女信息维护". */
  name: z.string().max(40),
  period: PeriodSchema,
});
export type PhaseDef = z.infer<typeof PhaseDefSchema>;

/** Each district opens upkeep and registration in its own batch inside the city-wide periods. */
export const DistrictBatchSchema = z.strictObject({
  districtCode: z.string(),
  batch: z.number().int(),
  upkeep: PeriodSchema,
  registration: PeriodSchema,
});
export type DistrictBatch = z.infer<typeof DistrictBatchSchema>;

export const MaintenanceScopeSchema = z.enum(['all', 'upkeep']);
export type MaintenanceScope = z.infer<typeof MaintenanceScopeSchema>;

export const MaintenanceDaySchema = z.strictObject({
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: LocalDateSchema,
  scope: MaintenanceScopeSchema,
  reason: z.string(),
});
export type MaintenanceDay = z.infer<typeof MaintenanceDaySchema>;

export const NightlyMaintenanceSchema = z.strictObject({
  /** HH:mm local, e.g. "22:00". */
  from: LocalTimeSchema,
  /** HH:mm local on the next day, e.g. "08:00". */
  to: LocalTimeSchema,
  /** First and last local dates (YYYY-MM-DD) on whose evening the window starts. */
  firstDate: LocalDateSchema,
  lastDate: LocalDateSchema,
});
export type NightlyMaintenance = z.infer<typeof NightlyMaintenanceSchema>;

export const YearCalendarSchema = z.strictObject({
  year: z.number().int(),
  timezone: z.literal('Asia/Shanghai'),
  phases: z.array(PhaseDefSchema),
  batches: z.array(DistrictBatchSchema),
  maintenanceDays: z.array(MaintenanceDaySchema),
  nightly: NightlyMaintenanceSchema,
  /** Public holidays (YYYY-MM-DD) that are not working days. */
  holidays: z.array(LocalDateSchema),
  /** Weekend days that are working days (调休 make-up days). */
  makeUpWorkdays: z.array(LocalDateSchema),
  /** Working days a district has to finish review after submission (Q24). */
  reviewWorkingDays: z.number().int(),
});
export type YearCalendar = z.infer<typeof YearCalendarSchema>;
