/** Every page's frame: its footer, the host's colours on the design tokens, and a page that fails to draw. */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe } from 'jest-axe';
import { configure, resetConfig } from '@/config';
import { routes } from '@/config/routes';
import { visited } from '../../../test/navigationMock';
import { Page } from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

function Broken(): JSX.Element {
  throw new TypeError('王小涵 500112201801011234 could not be drawn');
}

describe('Page', () => {
  beforeEach(() => void visited.splice(0));

  it('every page has a footer with the way home and to 个人中心', () => {
    render(<Page title='我的子女'><main>内容</main></Page>);
    const footer = screen.getByRole('navigation', { name: '页面导航' });
    fireEvent.click(within(footer).getByRole('button', { name: '返回首页' }));
    fireEvent.click(within(footer).getByRole('button', { name: '个人中心' }));
    expect(visited).toEqual([routes.home(), routes.my()]);
  });

  it('home and 个人中心 leave out the link to themselves', () => {
    const { unmount } = render(<Page title='义务教育入学一件事' here='home'>首页</Page>);
    let footer = screen.getByRole('navigation', { name: '页面导航' });
    expect(within(footer).queryByRole('button', { name: '返回首页' })).not.toBeInTheDocument();
    expect(within(footer).getByRole('button', { name: '个人中心' })).toBeInTheDocument();
    unmount();
    render(<Page title='个人中心' here='my'>设置</Page>);
    footer = screen.getByRole('navigation', { name: '页面导航' });
    expect(within(footer).getByRole('button', { name: '返回首页' })).toBeInTheDocument();
    expect(within(footer).queryByRole('button', { name: '个人中心' })).not.toBeInTheDocument();
  });

  it('has no axe violations', async () => {
    const { container } = render(<main><Page title='办件详情'>内容</Page></main>);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe('Page: host theme and render guard', () => {
  afterEach(() => resetConfig());
  it('sets the host’s colours on the design tokens the styles read, and only those', () => {
    configure({ theme: { primary: '#0a7f5a', error: '#b00020' } });
    render(<Page title='我的申请'>内容</Page>);
    const frame = screen.getByTestId('page');
    expect(frame.style.getPropertyValue('--c-primary')).toBe('#0a7f5a');
    expect(frame.style.getPropertyValue('--c-err')).toBe('#b00020');
    expect(frame.style.getPropertyValue('--c-ok')).toBe('');
  });

  it('with the module’s own colours sets no style at all', () => {
    render(<Page title='我的申请'>内容</Page>);
    expect(screen.getByTestId('page').getAttribute('style')).toBeNull();
  });

  it('a page that fails to draw says so, offers the way home, and tells the telemetry its class only', () => {
    const error = jest.fn();
    configure({ telemetry: { error } });
    // React reports the caught error on the console: expected here, and nothing else is.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Page title='办件详情'>
        <Broken />
      </Page>,
    );
    logged.mockRestore();
    expect(screen.getByRole('alert')).toHaveTextContent('页面暂时无法显示');
    expect(screen.getByRole('heading', { level: 1, name: '办件详情' })).toBeInTheDocument();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith({ kind: 'render', code: 'TypeError', where: '办件详情' });
    fireEvent.click(screen.getByText('回到首页'));
    expect(visited).toContain('/pages/index/index');
  });
});
