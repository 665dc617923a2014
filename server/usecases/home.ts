/**
 * The home card (SPEC Q8, Q9, Q19–Q27): the rule of src/domain/guidance.ts at the server's time, for
 * the parent's district and, when a parent asks, led by what their own applications need. Answered
 * during maintenance too: the card is what tells the parent when the service reopens.
 */
import type { HomeCardQuery, HomeCardResponse } from '@contract/home';
import { cardRefreshAt, homeCard } from '@/domain/guidance';
import { calendarOf } from './access';
import type { Deps, RequestContext } from './context';

export async function homeCardOf(deps: Deps, ctx: RequestContext, query: HomeCardQuery): Promise<HomeCardResponse> {
  const calendar = calendarOf(deps);
  // A code that is not one of this year's districts (a choice kept from another year) reads as none.
  const district = query.districtCode ? deps.reference.district(deps.year, query.districtCode) : null;
  const districtCode = district?.code ?? null;
  const account = ctx.principal?.kind === 'parent' ? ctx.principal.account : null;
  const applications = account ? await deps.store.read((repos) => repos.applications.listByAccount(account.id)) : null;
  const judged = homeCard({ calendar, stage: query.stage, districtCode, now: ctx.now, applications });
  const { maintenance: _sentAsTheCardItself, ...card } = judged;
  return { card, districtName: district?.name ?? null, serverTime: ctx.now, refreshAt: cardRefreshAt(calendar, districtCode, ctx.now, judged) };
}
