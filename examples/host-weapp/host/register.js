/**
 * The host's side of bridge contract v2 for the embedded module. The module's WeChat bridge already
 * does face verification 2.0 (wx.requestFacialVerify for the verifyId the enrolment server began),
 * the wx.login hand-off, requests, images and files; this host extends it with what is the host's:
 * its own storage namespace, its pages, its name in diagnostics, and its display name in user text.
 */
var HOST_STORAGE_PREFIX = 'hostdemo:';

function hostStorage() {
  return {
    get: function (key) {
      try {
        var value = wx.getStorageSync(HOST_STORAGE_PREFIX + key);
        return Promise.resolve(typeof value === 'string' && value !== '' ? value : null);
      } catch (e) {
        return Promise.resolve(null);
      }
    },
    set: function (key, value) {
      try {
        wx.setStorageSync(HOST_STORAGE_PREFIX + key, value);
      } catch (e) {
        /* full: the module keeps going in memory */
      }
      return Promise.resolve();
    },
    remove: function (key) {
      try {
        wx.removeStorageSync(HOST_STORAGE_PREFIX + key);
      } catch (e) {
        /* ignore */
      }
      return Promise.resolve();
    },
  };
}

var HOST_PAGES = { hostHome: '/host/index/index' };

function openHostPage(page) {
  var url = HOST_PAGES[page];
  if (!url) return Promise.resolve({ ok: false, error: { kind: 'unavailable', detail: 'this host has no ' + page + ' page' } });
  return new Promise(function (resolve) {
    wx.reLaunch({
      url: url,
      success: function () {
        resolve({ ok: true, value: undefined });
      },
      fail: function (e) {
        resolve({ ok: false, error: { kind: 'failed', detail: e && e.errMsg } });
      },
    });
  });
}

var scope = typeof globalThis !== 'undefined' ? globalThis : this;
// What a real host would send to its analytics; kept here so the example (and its harness) can show it.
var telemetryLog = [];
scope.__HOST_TELEMETRY__ = telemetryLog;
scope.__RXYJS_HOST__ = {
  contractVersion: 2,
  config: {
    // User text names this host ("请将示例宿主更新到最新版本…"), not the module's default 渝快办.
    hostName: '示例宿主',
    // The host's brand colour on the module's design tokens (hex).
    theme: { primary: '#0a7f5a', primaryDark: '#06553c' },
    // The host's telemetry: page titles, and errors as codes and routes (never personal data).
    telemetry: {
      pageView: function (title) {
        telemetryLog.push({ type: 'pageView', title: title });
      },
      error: function (event) {
        telemetryLog.push({ type: 'error', kind: event.kind, code: event.code, where: event.where });
      },
    },
  },
  bridge: function (wechat) {
    return Object.assign({}, wechat, {
      platform: 'host-weapp-example',
      storage: hostStorage(),
      openHostPage: openHostPage,
    });
  },
};
