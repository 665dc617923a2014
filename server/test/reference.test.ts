/**
 * @jest-environment ./server/adapters/sql/pgliteTestEnvironment.js
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
/** Reference data over HTTP: 政策查看 serves the municipal policy (市教委) with the districts (Q2). */
import { maintenanceStatus } from '@/domain/calendar';
import { calendar2024 } from '../data/calendar2024';
import { setupServer } from './harness';

const { call, clock } = setupServer();

describe('GET /api/v1/districts', () => {
  test('carries the municipal policy beside every district’s, its dates from the calendar', async () => {
    await clock('2024-06-05T10:00:00');
    const r = await call('GET', '/api/v1/districts');
    expect(r.status).toBe(200);
    expect(r.data.districts.length).toBe(41);
    const m = r.data.municipalPolicy;
    expect(m.issuer).toBe('重庆市教育委员会');
    expect(m.title).toBe('2024年重庆市义务教育阶段学校招生入学政策');
    const text = m.paragraphs.join('');
    expect(text).toContain('子女信息维护 5月7日 00:00 至 5月31日 22:00');
    expect(text).toContain('正式网上报名 6月3日 08:00 至 6月29日 22:00');
    expect(text).toContain('家长于7月15日（含当日）前完成网上入学确认');
    expect(text).toContain('被录取的须在6月20日 18:00前完成入学确认');
    // Every opening it names is a moment the system is open.
    for (const hit of text.matchAll(/(\d+)月(\d+)日 (\d{2}:\d{2}) 至/g)) {
      const iso = `2024-${hit[1].padStart(2, '0')}-${hit[2].padStart(2, '0')}T${hit[3]}:00+08:00`;
      expect(maintenanceStatus(calendar2024, iso).inMaintenance).toBe(false);
    }
  });
});
