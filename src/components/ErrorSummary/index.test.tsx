import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { axe } from 'jest-axe';
import { ErrorSummary } from './index';

describe('ErrorSummary', () => {
  it('shows nothing while there is no problem', () => {
    render(<ErrorSummary errors={[]} attempt={1} />);
    expect(screen.queryByTestId('error-summary')).toBeNull();
  });

  it('lists every problem in an alert and takes the focus on each refused attempt', async () => {
    const { rerender } = render(<ErrorSummary errors={['请填写子女姓名', '请选择您与子女的关系']} attempt={1} />);
    const summary = screen.getByTestId('error-summary');
    expect(summary).toHaveAttribute('role', 'alert');
    expect(summary).toHaveTextContent('请修改以下 2 处后再提交');
    expect(summary).toHaveTextContent('1. 请填写子女姓名');
    expect(summary).toHaveTextContent('2. 请选择您与子女的关系');
    expect(summary).toHaveAttribute('tabindex', '-1');
    await waitFor(() => expect(summary).toHaveFocus());
    summary.blur();
    rerender(<ErrorSummary errors={['请填写子女姓名']} attempt={2} />);
    await waitFor(() => expect(screen.getByTestId('error-summary')).toHaveFocus());
    expect(screen.getByTestId('error-summary')).toHaveTextContent('请修改以下 1 处');
  });

  it('does not steal the focus before the parent has tried to submit', () => {
    render(<ErrorSummary errors={['请填写子女姓名']} attempt={0} />);
    expect(screen.getByTestId('error-summary')).not.toHaveFocus();
  });
});

describe('ErrorSummary links', () => {
  it('an item tied to a field links to it and moves the focus into that field', () => {
    render(
      <main>
        <ErrorSummary errors={[{ message: '户籍地址：请输入地址', fieldId: 'household' }, '请上传户口簿']} attempt={0} />
        <input id='household' aria-label='户籍地址' />
      </main>,
    );
    const link = screen.getByRole('link', { name: '1. 户籍地址：请输入地址' });
    fireEvent.click(link);
    expect(screen.getByLabelText('户籍地址')).toHaveFocus();
    screen.getByLabelText('户籍地址').blur();
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(screen.getByLabelText('户籍地址')).toHaveFocus();
    expect(screen.queryByRole('link', { name: /请上传户口簿/ })).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><ErrorSummary errors={[{ message: '请输入姓名', fieldId: 'n' }]} attempt={0} /><input id='n' aria-label='姓名' /></main>);
    expect(await axe(container)).toHaveNoViolations();
  });
});
