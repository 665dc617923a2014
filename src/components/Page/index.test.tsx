import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe } from 'jest-axe';
import { routes } from '@/config/routes';
import { visited } from '../../../test/navigationMock';
import { Page } from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));

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
