import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { SummaryList } from './index';

describe('SummaryList', () => {
  it('shows each answer with a 修改 that names the answer and returns to its section', () => {
    const toSchool = jest.fn();
    render(<SummaryList label='报名信息' rows={[{ key: '报名学校', value: '渝北区实验小学', onChange: toSchool }, { key: '已上传材料', value: '3 张照片' }]} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('报名学校渝北区实验小学修改');
    expect(rows[1]).not.toHaveTextContent('修改');
    fireEvent.click(screen.getByRole('button', { name: '修改报名学校' }));
    expect(toSchool).toHaveBeenCalledTimes(1);
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><SummaryList label='报名信息' rows={[{ key: '当前区域', value: '渝北区', onChange: () => undefined }]} /></main>);
    expect(await axe(container)).toHaveNoViolations();
  });
});
