import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { PROPERTY_KINDS } from '@contract/enums';
import { emptyUpkeep } from '@/stores/upkeep';
import { PROPERTY_KIND_NAMES, PROPERTY_KIND_NOTES } from '@/domain/labels';
import { InfoSection } from './InfoSection';

const props = (kind: (typeof PROPERTY_KINDS)[number]) => ({
  source: 'localHukou' as const,
  onSource: () => undefined,
  upkeep: { ...emptyUpkeep(), property: { ...emptyUpkeep().property, kind } },
  quoted: false,
  onUnquote: () => undefined,
  quoteMessage: null,
  onQuote: () => undefined,
  setUpkeep: () => undefined,
  shownError: () => undefined,
});

/** 申报 names and explains each property option as 子女信息维护 does (labels.ts, once). */
describe('申报 · 房产情况', () => {
  it('offers the options under their one name', () => {
    render(<InfoSection {...props('certificate')} />);
    for (const kind of PROPERTY_KINDS) expect(screen.getByRole('radio', { name: PROPERTY_KIND_NAMES[kind] })).toBeInTheDocument();
    // The field is called as in upkeep, with the same hint about where to find it.
    expect(screen.getAllByLabelText('不动产单元号').length).toBeGreaterThan(0);
    expect(screen.getByText(/共 28 位。不动产单元号可在.*「我的 → 不动产 → 我的不动产」中查看/)).toBeInTheDocument();
  });
  it('explains 有房但暂无证书 with upkeep’s words', () => {
    render(<InfoSection {...props('noCertificate')} />);
    expect(screen.getByText(new RegExp(`^${PROPERTY_KIND_NOTES.noCertificate!}`))).toBeInTheDocument();
  });
  it('explains 租房居住 with upkeep’s words', () => {
    render(<InfoSection {...props('rented')} />);
    expect(screen.getByText(PROPERTY_KIND_NOTES.rented!)).toBeInTheDocument();
  });
});
