import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { VerificationTag } from './index';

describe('VerificationTag', () => {
  it.each([
    ['matched', '已核验', 'tag-ok'],
    ['notMatched', '核验未通过，请上传佐证材料', 'tag-warn'],
    ['unavailable', '数据暂不可用', 'tag-muted'],
  ] as const)('%s reads “%s” with its colour', (status, text, cls) => {
    render(<VerificationTag status={status} subject='户籍' />);
    const tag = screen.getByText(text, { exact: false });
    expect(tag).toHaveClass(cls);
    expect(tag).toHaveAttribute('aria-label', `户籍：${text}`);
  });
});
