import { render } from '@testing-library/react';
import { Page } from '@/components/Page';
import { configure, hostName, resetConfig, runtimeConfig } from './index';

describe('runtime config', () => {
  afterEach(() => resetConfig());

  it('defaults to 渝快办 with no prefix or namespace', () => {
    expect(hostName()).toBe('渝快办');
    expect(runtimeConfig()).toMatchObject({ routePrefix: '', storageNamespace: '' });
  });

  it('merges overrides group by group', () => {
    configure({ hostName: '渝快政', theme: { primary: '#000000' } });
    expect(hostName()).toBe('渝快政');
    expect(runtimeConfig().theme.primary).toBe('#000000');
    expect(runtimeConfig().theme.ok).toBe('#0e7a3a');
  });

  it('a host that gives no name is called 本应用 in user text, never 渝快办 or nothing', () => {
    configure({ hostName: '' });
    expect(hostName()).toBe('本应用');
  });

  it('calls the telemetry hook once per page shown', () => {
    const pageView = jest.fn();
    configure({ telemetry: { pageView } });
    render(<Page title='我的申请'>{null}</Page>);
    expect(pageView).toHaveBeenCalledWith('我的申请');
  });
});
