import type { Child, Relationship } from '@contract/child';
import { STAGE_NAMES } from '@/domain/eligibility';

export const RELATIONSHIP_NAMES: Record<Relationship, string> = {
  father: '父亲',
  mother: '母亲',
  grandparent: '祖父母/外祖父母',
  otherGuardian: '其他监护人',
};

const STAGE_GRADE = { primary: '入读一年级', junior: '入读七年级' } as const;

/** "可报名：幼升小（入读一年级）" or the server's reason, in plain words (Q13). */
export function eligibilityText(child: Pick<Child, 'eligibleStage' | 'eligibilityNote'>): { ok: boolean; text: string } {
  if (child.eligibleStage) return { ok: true, text: `可报名：${STAGE_NAMES[child.eligibleStage]}（${STAGE_GRADE[child.eligibleStage]}）` };
  return { ok: false, text: child.eligibilityNote ?? '该子女今年不在报名年龄范围内' };
}
