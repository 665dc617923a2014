/** Every page's frame: the host's colours on the design tokens, and a page that fails to draw. */
import { fireEvent, render, screen } from '@testing-library/react';
import { configure, resetConfig } from '@/config';
import { Page } from './index';

jest.mock('@/services/navigation', () => require('../../../test/navigationMock'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { visited } = require('../../../test/navigationMock') as typeof import('../../../test/navigationMock');

afterEach(() => resetConfig());

function Broken(): JSX.Element {
  throw new TypeError('王小涵 500112201801011234 could not be drawn');
}

describe('Page', () => {
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
