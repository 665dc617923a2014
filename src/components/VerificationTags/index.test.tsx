import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { VerificationTags } from './index';

describe('VerificationTags', () => {
  it('labels each result in words, not only colour', () => {
    render(
      <VerificationTags
        results={[
          { kind: 'householdRegister', status: 'matched', source: '市公安局', message: '户籍信息一致' },
          { kind: 'property', status: 'notMatched', source: '市规划自然资源局', message: '未查到不动产登记' },
        ]}
      />,
    );
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('户籍');
    expect(rows[0]).toHaveTextContent('已核验');
    expect(rows[1]).toHaveTextContent('不动产');
    expect(rows[1]).toHaveTextContent('核验未通过，请上传佐证材料');
    expect(rows[1]).toHaveTextContent('市规划自然资源局：未查到不动产登记');
  });

  it('says so when there is nothing to show', () => {
    render(<VerificationTags results={[]} />);
    expect(screen.getByText('暂无数据比对结果')).toBeInTheDocument();
  });
});
