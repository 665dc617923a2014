/** The names of the two stages as a parent reads them (re-exported by labels.ts with every other label). */
import type { Stage } from '@contract/calendar';

export const STAGE_NAMES: Record<Stage, string> = { primary: '幼升小', junior: '小升初' };
export const STAGE_APPLY_ENTRY: Record<Stage, string> = { primary: '幼升小在线申报', junior: '小升初在线申报' };
export const STAGE_GRADE: Record<Stage, string> = { primary: '入读一年级', junior: '入读七年级' };
