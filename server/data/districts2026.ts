/**
 * The education units of 2026, in the order of /work/shared/data/cq-admin-units-2026.tsv.
 *
 * In November 2025 (渝府发〔2025〕15号) 江北区 500105 and 渝北区 500112 were merged into the new
 * administrative district 两江新区 500157 (five towns of the old 渝北区 went to 北碚区). 两江新区 is
 * therefore a '区' with a GB/T 2260 code in 2026, while 西部科学城重庆高新区 and 万盛经开区 remain
 * functional zones with the internal codes 900002 / 900003. 39 units in all.
 *
 * Units whose code persists reuse their 2024 seed (same fictitious phone, offline points, policy
 * template for the new year). 两江新区 500157 reuses the 2024 functional zone's (900001) contacts.
 */
import type { District } from '@contract/district';
import { buildDistrict, unitSeeds2024, type UnitSeed } from './districts2024';

const seedByCode = new Map(unitSeeds2024.map((s) => [s.code, s] as const));

function persisting(code: string): UnitSeed {
  const seed = seedByCode.get(code);
  if (!seed) throw new Error(`no 2024 seed for ${code}`);
  return seed;
}

/** 两江新区 as an administrative district: the 2024 functional zone's contacts under the new code. */
const liangjiang2026: UnitSeed = { ...persisting('900001'), code: '500157', kind: '区', contactCode: '900001' };

const liangjiangMergerSentence =
  '2025年11月，江北区、渝北区行政区划调整为两江新区，原江北区、渝北区学校服务范围总体保持稳定，2026年起由两江新区统一组织招生；原渝北区划归北碚区的镇，按北碚区招生政策报名。';

const beibeiSentence =
  '原渝北区划入北碚区的镇，其户籍和房产对应的学校服务范围由北碚区另行公布。';

/** Codes in the 2026 table order; 500157 comes right after 500156. */
const order2026 = [
  '500101', '500102', '500103', '500104', '500106', '500107', '500108', '500109', '500110', '500111',
  '500113', '500114', '500115', '500116', '500117', '500118', '500119', '500120', '500151', '500152',
  '500153', '500154', '500155', '500156', '500157', '500229', '500230', '500231', '500233', '500235',
  '500236', '500237', '500238', '500240', '500241', '500242', '500243', '900002', '900003',
];

export const districts2026: District[] = order2026.map((code) => {
  if (code === '500157') return buildDistrict(liangjiang2026, 2026, [liangjiangMergerSentence]);
  if (code === '500109') return buildDistrict(persisting(code), 2026, [beibeiSentence]);
  return buildDistrict(persisting(code), 2026);
});
