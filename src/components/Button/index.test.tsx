import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { Button } from './index';

describe('Button', () => {
  it('is a button pressed by a tap, Enter and Space', () => {
    const onPress = jest.fn();
    render(<Button variant='primary' onPress={onPress}>保存信息</Button>);
    const button = screen.getByRole('button', { name: '保存信息' });
    expect(button).toHaveAttribute('tabindex', '0');
    expect(button).toHaveClass('btn', 'btn-primary');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.keyDown(button, { key: ' ' });
    expect(onPress).toHaveBeenCalledTimes(3);
  });

  it('disabled is really disabled: announced, and neither tap nor keyboard presses it', () => {
    const onPress = jest.fn();
    render(<Button disabled onPress={onPress}>确认提交</Button>);
    const button = screen.getByRole('button', { name: '确认提交' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(onPress).not.toHaveBeenCalled();
  });

  it('blocked (not yet possible) looks greyed and is announced unavailable, but a tap or Enter answers through onBlocked', () => {
    const onPress = jest.fn();
    const onBlocked = jest.fn();
    render(<Button variant='primary' blocked onPress={onPress} onBlocked={onBlocked}>下一步</Button>);
    const button = screen.getByRole('button', { name: '下一步' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveClass('btn-blocked');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(onBlocked).toHaveBeenCalledTimes(2);
    expect(onPress).not.toHaveBeenCalled();
  });

  it('blocked without onBlocked calls onPress (the page decides and explains); busy stays inert even when blocked', () => {
    const onPress = jest.fn();
    const { rerender } = render(<Button blocked onPress={onPress}>确认提交</Button>);
    fireEvent.click(screen.getByRole('button', { name: '确认提交' }));
    expect(onPress).toHaveBeenCalledTimes(1);
    rerender(<Button blocked busy onPress={onPress} onBlocked={onPress}>正在提交…</Button>);
    fireEvent.click(screen.getByRole('button'));
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('the global style lets no greyed button swallow the tap (no pointer-events: none)', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const css = require('fs').readFileSync(require('path').join(__dirname, '../../app.css'), 'utf8') as string;
    expect(css).not.toMatch(/pointer-events:\s*none/);
  });

  it('busy is announced and ignores presses until it ends', () => {
    const onPress = jest.fn();
    const { rerender } = render(<Button busy onPress={onPress}>正在保存…</Button>);
    const button = screen.getByRole('button');
    expect(button).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(button);
    expect(onPress).not.toHaveBeenCalled();
    rerender(<Button onPress={onPress}>保存信息</Button>);
    fireEvent.click(screen.getByRole('button', { name: '保存信息' }));
    expect(onPress).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button')).not.toHaveAttribute('aria-busy');
  });

  it('has no axe violations', async () => {
    const { container } = render(
      <main>
        <Button variant='primary' onPress={() => undefined}>下一步</Button>
        <Button variant='link' disabled>更换区域</Button>
        <Button busy>正在提交…</Button>
        <Button variant='primary' blocked onBlocked={() => undefined}>下一步：核对报名信息</Button>
      </main>,
    );
    expect(await axe(container)).toHaveNoViolations();
  });
});
