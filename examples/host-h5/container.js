/*
 * A fake JSBridge container (the shape src/bridge/jsbridge/api.ts expects, as 浙里办's ZWJSBridge
 * documents its capabilities), for this example and its Chromium test. Every call is recorded in
 * window.__containerCalls (names and non-personal arguments only).
 *
 * Its face screen lists the dev server's seeded citizens (a real container shows its own face
 * verification for the verify id) and reports the verdict to the simulated face service the way the
 * dev host does: POST /host/face/complete { verifyId, identityId } (mock/devHost/app.ts).
 */
(function () {
  'use strict';
  var calls = (window.__containerCalls = []);
  var CODE = { Failed: 1, Cancelled: 2, NotSupported: 3, NoPermission: 4, Network: 5, Timeout: 6 };
  var error = function (code, message) {
    return { code: code, message: message };
  };
  var record = function (name, args) {
    calls.push({ name: name, args: args === undefined ? null : args });
  };
  // The container's 长辈版 switch: read from the dev server once, then changed by DemoContainer.setUiStyle.
  var uiStyle = null;
  var styleListeners = [];
  window.DemoContainer = {
    setUiStyle: function (style) {
      uiStyle = style === 'elder' ? 'elder' : 'normal';
      styleListeners.slice().forEach(function (listener) {
        listener(uiStyle);
      });
    },
  };
  var readyAt = new Promise(function (resolve) {
    setTimeout(resolve, 30);
  });

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  function faceScreen(reason) {
    return fetch('/__qa/identities')
      .then(function (res) {
        return res.json();
      })
      .then(function (body) {
        return new Promise(function (resolve) {
          var overlay = document.createElement('div');
          overlay.setAttribute('role', 'dialog');
          overlay.setAttribute('aria-modal', 'true');
          overlay.setAttribute('aria-label', '示例政务 刷脸认证（模拟容器）');
          overlay.dataset.testid = 'container-face-sheet';
          overlay.style.cssText = 'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.6);display:flex;align-items:flex-end;justify-content:center';
          var sheet = document.createElement('div');
          sheet.style.cssText = 'background:#fff;width:100%;max-width:480px;max-height:85vh;overflow:auto;border-radius:12px 12px 0 0;padding:16px;box-sizing:border-box';
          var title = document.createElement('h2');
          title.textContent = '示例政务 · 刷脸认证';
          title.style.cssText = 'font-size:18px;margin:0 0 4px';
          var note = document.createElement('p');
          note.textContent = reason + '。（模拟容器：请选择要模拟的市民）';
          note.style.cssText = 'font-size:14px;color:#4e5969;margin:0 0 12px';
          sheet.append(title, note);
          var finish = function (outcome) {
            overlay.remove();
            resolve(outcome);
          };
          (body.identities || []).forEach(function (identity) {
            var button = document.createElement('button');
            button.type = 'button';
            button.dataset.identity = identity.id;
            button.textContent = identity.label;
            button.style.cssText = 'display:block;width:100%;min-height:48px;margin:0 0 8px;border:1px solid #c9cdd4;border-radius:8px;background:#fff;font-size:15px';
            button.addEventListener('click', function () {
              finish({ identityId: identity.id });
            });
            sheet.append(button);
          });
          var cancel = document.createElement('button');
          cancel.type = 'button';
          cancel.textContent = '取消';
          cancel.style.cssText = 'display:block;width:100%;min-height:48px;border:none;background:#f2f3f5;border-radius:8px;font-size:15px';
          cancel.addEventListener('click', function () {
            finish('cancelled');
          });
          sheet.append(cancel);
          overlay.append(sheet);
          document.body.append(overlay);
        });
      });
  }

  window.DemoJSBridge = {
    ready: function () {
      return readyAt;
    },
    faceVerify: function (req) {
      record('faceVerify', { provider: req.provider, reason: req.reason });
      if (req.provider !== 'dev') return Promise.reject(error(CODE.NotSupported, 'no such face service'));
      return faceScreen(req.reason).then(function (choice) {
        if (choice === 'cancelled') {
          return post('/host/face/complete', { verifyId: req.verifyId, outcome: 'cancelled' }).then(function () {
            throw error(CODE.Cancelled, 'cancelled');
          });
        }
        return post('/host/face/complete', { verifyId: req.verifyId, identityId: choice.identityId }).then(
          function (res) {
            if (!res.ok) throw error(CODE.Failed, 'face service ' + res.status);
          },
          function () {
            throw error(CODE.Network, 'face service unreachable');
          },
        );
      });
    },
    chooseImage: function (req) {
      record('chooseImage', { count: req.count, sourceType: req.sourceType });
      return new Promise(function (resolve, reject) {
        var input = document.createElement('input');
        input.type = 'file';
        input.accept = 'image/*';
        input.multiple = req.count > 1;
        input.style.display = 'none';
        input.addEventListener('change', function () {
          var files = Array.prototype.slice.call(input.files || [], 0, req.count);
          input.remove();
          if (!files.length) return reject(error(CODE.Cancelled, 'cancelled'));
          Promise.all(
            files.map(function (file) {
              return new Promise(function (done) {
                var reader = new FileReader();
                reader.onload = function () {
                  done(reader.result);
                };
                reader.readAsDataURL(file);
              });
            }),
          ).then(function (picPath) {
            resolve({ picPath: picPath });
          });
        });
        input.addEventListener('cancel', function () {
          input.remove();
          reject(error(CODE.Cancelled, 'cancelled'));
        });
        document.body.appendChild(input);
        input.click();
      });
    },
    downloadFile: function (req) {
      record('downloadFile', { fileName: req.fileName, mime: req.mime });
      var link = document.createElement('a');
      link.href = req.url;
      link.download = req.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return Promise.resolve();
    },
    phoneCall: function (req) {
      record('phoneCall', { phoneNumber: req.phoneNumber });
      return Promise.resolve();
    },
    scan: function () {
      record('scan');
      var text = window.prompt('扫一扫（模拟容器）：请输入二维码内容');
      return text ? Promise.resolve({ text: text }) : Promise.reject(error(CODE.Cancelled, 'cancelled'));
    },
    setTitle: function (req) {
      record('setTitle', { title: req.title });
      document.getElementById('container-title').textContent = req.title;
      return Promise.resolve();
    },
    close: function () {
      record('close');
      document.getElementById('container-title').textContent = '示例政务';
      return Promise.resolve();
    },
    openLink: function (req) {
      record('openLink', { url: req.url });
      window.open(req.url, '_blank');
      return Promise.resolve();
    },
    getUiStyle: function () {
      if (uiStyle) return Promise.resolve({ uiStyle: uiStyle });
      return fetch('/host/ui-style')
        .then(function (res) {
          return res.json();
        })
        .then(function (body) {
          return { uiStyle: body.style === 'elder' ? 'elder' : 'normal' };
        });
    },
    onUiStyleChange: function (listener) {
      record('onUiStyleChange');
      styleListeners.push(listener);
      return function () {
        styleListeners = styleListeners.filter(function (l) {
          return l !== listener;
        });
      };
    },
  };
})();
