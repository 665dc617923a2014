import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  CalendarResponseSchema,
  DistrictParamsSchema,
  DistrictsResponseSchema,
  HomeCardQuerySchema,
  HomeCardResponseSchema,
  PublicKeyResponseSchema,
  SchoolsQuerySchema,
  SchoolsResponseSchema,
  ServerTimeResponseSchema,
  YearQuerySchema,
} from '@contract/api';
import { calendarOf, requireNoMaintenance } from '../../usecases/access';
import type { Deps } from '../../usecases/context';
import { refuse } from '../../usecases/errors';
import { homeCardOf } from '../../usecases/home';
import { publicKey } from '../../usecases/notices';
import type { AppEnv } from '../context';
import { bearer, errors, json } from '../describe';

export function referenceRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/calendar', tags: ['reference'], summary: "The year's calendar and the server's time", request: { query: YearQuerySchema }, responses: { 200: json(CalendarResponseSchema), ...errors } }),
    (c) => c.json({ calendar: calendarOf(deps), serverTime: c.get('ctx').now }, 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/time', tags: ['reference'], summary: "The server's clock (authoritative over the phone's)", responses: { 200: json(ServerTimeResponseSchema), ...errors } }),
    (c) => c.json({ serverTime: c.get('ctx').now }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/home-card',
      tags: ['reference'],
      security: [{}, ...bearer],
      summary: "The home page's phase card at the server's time; with a parent's session, led by what their applications need",
      request: { query: HomeCardQuerySchema },
      responses: { 200: json(HomeCardResponseSchema), ...errors },
    }),
    async (c) => {
      // A token that no longer opens a session is told as such (the home page then logs out in
      // place), not answered as if nobody had asked.
      if (c.get('bearer') && !c.get('ctx').principal) refuse('UNAUTHENTICATED', '登录已过期，请重新刷脸登录');
      return c.json(await homeCardOf(deps, c.get('ctx'), c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/districts', tags: ['reference'], summary: "The education units of a year, with the municipal policy (市教委) 政策查看 shows beside each district's", request: { query: YearQuerySchema }, responses: { 200: json(DistrictsResponseSchema), ...errors } }),
    (c) => {
      requireNoMaintenance(deps, c.get('ctx'));
      const year = c.req.valid('query').year ?? deps.year;
      return c.json({ year, districts: deps.reference.districts(year), municipalPolicy: deps.reference.municipalPolicy(year) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/districts/{districtCode}/schools',
      tags: ['reference'],
      summary: "A district's schools of a stage with its 申报须知",
      request: { params: DistrictParamsSchema, query: SchoolsQuerySchema },
      responses: { 200: json(SchoolsResponseSchema), ...errors },
    }),
    (c) => {
      requireNoMaintenance(deps, c.get('ctx'));
      const { districtCode } = c.req.valid('param');
      const { stage } = c.req.valid('query');
      const district = deps.reference.district(deps.year, districtCode);
      if (!district) refuse('NOT_FOUND', '没有找到该区县');
      const schools = deps.reference.schools(deps.year).filter((s) => s.districtCode === districtCode && s.stage === stage);
      return c.json({ districtCode, stage, schools, notes: deps.reference.notes(district, stage) }, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/report-code/public-key', tags: ['notices'], summary: "The year's report-code verification key (pinned by scanners)", responses: { 200: json(PublicKeyResponseSchema), ...errors } }),
    async (c) => c.json(await publicKey(deps), 200),
  );
}
