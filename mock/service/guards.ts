/** Checks that every API request passes before business rules: maintenance and open windows. */
import { maintenanceStatus, type Activity } from '@/domain/calendar';
import type { ServiceContext } from './context';
import { calendarOf, serverNow } from './context';
import { refuse } from './result';
import type { MockState } from './state';

export function requireNoMaintenance(ctx: ServiceContext, state: MockState, activity: Activity = 'general'): void {
  const status = maintenanceStatus(calendarOf(state), serverNow(ctx, state), activity);
  if (status.inMaintenance) {
    const retryAfter = Math.max(1, Math.ceil((Date.parse(status.reopensAt) - Date.parse(serverNow(ctx, state))) / 1000));
    refuse('MAINTENANCE', `${status.message}。报名先后不影响录取结果，请在系统恢复后办理。`, { reopensAt: status.reopensAt, retryAfter });
  }
}
