/* The host page's own script: starts the enrolment module inside #module through its JSBridge. */
(function () {
  'use strict';
  window.DemoHostTelemetry = [];
  window.RxyjsModule.embed({
    jsBridge: window.DemoJSBridge,
    jsBridgeOptions: {
      // Container pages the module may open (openLink); the host home closes the module's window.
      hostPages: { myCertificates: location.origin + '/host-h5/certificates.html' },
      faceProviders: ['dev'],
    },
    config: {
      // Here the enrolment server also serves this page; a real host gives its gateway's URL.
      apiBaseUrl: location.origin,
      storageNamespace: 'demohost-rxyjs',
      hostName: '示例政务',
      // The host's brand colours on the module's design tokens (hex; tokens not given keep the module's).
      theme: { primary: '#0a7f5a', primaryDark: '#06553c' },
      // The host's telemetry: page titles and error codes with routes only, never personal data.
      telemetry: {
        pageView: function (title) {
          window.DemoHostTelemetry.push({ type: 'pageView', title: title });
        },
        error: function (event) {
          window.DemoHostTelemetry.push({ type: 'error', kind: event.kind, code: event.code, where: event.where, status: event.status });
        },
      },
    },
    mount: 'module',
  }).catch(function (error) {
    var box = document.createElement('p');
    box.id = 'container-error';
    box.setAttribute('role', 'alert');
    box.textContent = '入学一件事加载失败：' + error.message;
    document.getElementById('module').appendChild(box);
  });
})();
