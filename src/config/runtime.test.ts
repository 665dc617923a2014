/** The host's configuration as embed() (H5) and the registration (WeChat) check it and put it in force. */
import { hostName, resetConfig, runtimeConfig } from './index';
import { normaliseRuntimeConfig, RuntimeConfigError, setRuntimeConfig, WEAPP_KEYS } from './runtime';

afterEach(() => resetConfig());

describe('host configuration', () => {
  it('takes theme colours and telemetry hooks and puts them in force beside the module defaults', () => {
    const pageView = jest.fn();
    const error = jest.fn();
    setRuntimeConfig({ hostName: '示例政务', theme: { primary: '#0a7f5a', primaryDark: '#06553c' }, telemetry: { pageView, error } });
    expect(hostName()).toBe('示例政务');
    expect(runtimeConfig().theme).toEqual({ primary: '#0a7f5a', primaryDark: '#06553c', error: '#c62828', ok: '#0e7a3a', warn: '#a35200' });
    expect(runtimeConfig().telemetry.pageView).toBe(pageView);
    expect(runtimeConfig().telemetry.error).toBe(error);
  });

  it.each([
    [{ theme: { primray: '#000' } }, /unknown theme key\(s\) primray/],
    [{ theme: { primary: 'red; background:url(x)' } }, /theme\.primary must be a hex colour/],
    [{ theme: { primary: 0x1f6fd1 } }, /theme\.primary must be a hex colour/],
    [{ theme: '#000' }, /theme must be an object/],
    [{ telemetry: { pageview: () => undefined } }, /unknown telemetry key\(s\) pageview/],
    [{ telemetry: { error: 'https://log.example' } }, /telemetry\.error must be a function/],
    [{ colour: '#000' }, /unknown configuration key\(s\) colour/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => normaliseRuntimeConfig(input as never)).toThrow(RuntimeConfigError);
    expect(() => normaliseRuntimeConfig(input as never)).toThrow(message);
  });

  it('a WeChat host may set its name, colours and telemetry, not the API origin or storage (the build and the bridge own them)', () => {
    expect(normaliseRuntimeConfig({ hostName: '示例宿主', theme: { ok: '#117733' }, telemetry: {} }, WEAPP_KEYS)).toMatchObject({ hostName: '示例宿主', theme: { ok: '#117733' } });
    expect(() => normaliseRuntimeConfig({ apiBaseUrl: 'https://x.example' }, WEAPP_KEYS)).toThrow(/unknown configuration key\(s\) apiBaseUrl/);
    expect(() => normaliseRuntimeConfig({ storageNamespace: 'x' }, WEAPP_KEYS)).toThrow(/unknown configuration key/);
  });

  it('a WeChat host gives its 订阅消息 template ids per message kind; an unknown kind or a bad id is refused', () => {
    setRuntimeConfig({ subscribeTemplates: { approved: 'tmpl_Approved-01' } }, WEAPP_KEYS);
    expect(runtimeConfig().subscribeTemplates).toEqual({ approved: 'tmpl_Approved-01' });
    expect(() => normaliseRuntimeConfig({ subscribeTemplates: { aproved: 'x' } } as never, WEAPP_KEYS)).toThrow(/unknown subscribeTemplates key\(s\) aproved/);
    expect(() => normaliseRuntimeConfig({ subscribeTemplates: { approved: 'a b' } }, WEAPP_KEYS)).toThrow(/WeChat template id/);
    expect(() => normaliseRuntimeConfig({ subscribeTemplates: {} })).toThrow(/unknown configuration key\(s\) subscribeTemplates/);
  });

  it('what embed() checked passes the app’s own check again (the hand-off is checked twice, with the same keys)', () => {
    const handedOff = normaliseRuntimeConfig({ hostName: '示例政务', theme: { primary: '#0a7f5a' } });
    expect(handedOff).not.toHaveProperty('subscribeTemplates');
    expect(() => setRuntimeConfig(handedOff)).not.toThrow();
    expect(normaliseRuntimeConfig(normaliseRuntimeConfig({ subscribeTemplates: { approved: 't1' } }, WEAPP_KEYS), WEAPP_KEYS)).toMatchObject({ subscribeTemplates: { approved: 't1' } });
  });

  it('an embedding host that gives no name is 本应用 in user text', () => {
    setRuntimeConfig({ theme: { primary: '#000000' } }, WEAPP_KEYS);
    expect(hostName()).toBe('本应用');
  });
});
