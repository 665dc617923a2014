import '@testing-library/jest-dom';
import { render, screen, fireEvent } from '@testing-library/react';
import type { CorrectionRequest } from '@contract/application';
import { CorrectionSection, type CorrectionSectionProps } from './CorrectionSection';

const correction: CorrectionRequest = { reason: '照片不清晰', items: ['householdRegister', 'birthCertificate'], requestedAt: '2024-06-01T10:00:00+08:00' };

const props = (over: Partial<CorrectionSectionProps>): CorrectionSectionProps => ({
  correction,
  materials: {},
  limit: null,
  attempt: 0,
  busy: false,
  onUpload: jest.fn(),
  onBlocked: jest.fn(),
  onSubmit: jest.fn(),
  ...over,
});

/** 提交补正材料 is sent only once every requested item has a new photo; before, the tap says what is missing. */
describe('办件详情 · 补正要求', () => {
  it('with one item still missing, a tap is blocked and names only that item', () => {
    const p = props({ materials: { householdRegister: ['f1'] }, attempt: 1 });
    render(<CorrectionSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '提交补正材料' }));
    expect(p.onBlocked).toHaveBeenCalledTimes(1);
    expect(p.onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByTestId('error-summary');
    expect(summary).toHaveTextContent('请重新上传：出生医学证明');
    expect(summary).not.toHaveTextContent('请重新上传：户口簿');
  });

  it('with every item replaced, the tap submits', () => {
    const p = props({ materials: { householdRegister: ['f1'], birthCertificate: ['f2'] } });
    render(<CorrectionSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '提交补正材料' }));
    expect(p.onSubmit).toHaveBeenCalledTimes(1);
    expect(p.onBlocked).not.toHaveBeenCalled();
  });
});
