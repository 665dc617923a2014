/**
 * Which steps of the first half of the journey (JOURNEY_STEPS) are really done, from what the
 * stores know: the step bar ticks a step only when it is done, never because the page is past it
 * (a parent who opened 我的子女 without choosing a district sees 当前区域 unticked).
 */
import { useSessionStore } from './session';
import { useDistrictStore } from './district';
import { useChildrenStore } from './children';
import { useUpkeepStore } from './upkeep';
import { useMaterialsStore } from './materials';

/** In JOURNEY_STEPS order: 刷脸登录, 当前区域, 我的子女, 信息维护, 上传材料. */
export function useJourneyDone(): boolean[] {
  const loggedIn = useSessionStore((s) => s.session !== null);
  const district = useDistrictStore((s) => s.currentCode !== null);
  const child = useChildrenStore((s) => s.children.length > 0);
  const upkeep = useUpkeepStore((s) => Object.values(s.entries).some((e) => e.saved !== null));
  const materials = useMaterialsStore((s) => Object.values(s.entries).some((e) => Object.values(e.selection.files).some((ids) => (ids?.length ?? 0) > 0)));
  return [loggedIn, district, child, upkeep, materials];
}
