import type { Child } from '@contract/child';
import { STAGE_GRADE, STAGE_NAMES } from '@/domain/labels';

/** "可报名：幼升小（入读一年级）" or the server's reason, in plain words (Q13). */
export function eligibilityText(child: Pick<Child, 'eligibleStage' | 'eligibilityNote'>): { ok: boolean; text: string } {
  if (child.eligibleStage) return { ok: true, text: `可报名：${STAGE_NAMES[child.eligibleStage]}（${STAGE_GRADE[child.eligibleStage]}）` };
  return { ok: false, text: child.eligibilityNote ?? '该子女今年不在报名年龄范围内' };
}
