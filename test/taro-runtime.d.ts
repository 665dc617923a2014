// Untyped runtime entry points the jest shim of @tarojs/taro imports.
declare module '@tarojs/plugin-framework-react/dist/runtime';
declare module '@tarojs/plugin-platform-h5/dist/runtime/apis';
