/**
 * Jest stand-in for @tarojs/taro: the real build rewrites Taro.x calls at compile time, which jest
 * does not, so merge the H5 platform APIs with the React runtime's hooks.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as h5Apis from '@tarojs/plugin-platform-h5/dist/runtime/apis';
import * as reactRuntime from '@tarojs/plugin-framework-react/dist/runtime';

const runtime = reactRuntime as unknown as Record<string, unknown> & {
  createH5NativeComponentConfig: (a: unknown, r: unknown, d: unknown) => void;
};
runtime.createH5NativeComponentConfig(null, React, ReactDOM);

const apis = h5Apis as unknown as Record<string, unknown> & { default?: Record<string, unknown> };
const hooks = Object.fromEntries(Object.entries(runtime).filter(([k]) => k.startsWith('use')));
const Taro: Record<string, unknown> = { ...(apis.default ?? {}), ...apis, ...hooks };

export default Taro;
export const {
  useDidShow, useDidHide, useLoad, useReady, useUnload, useRouter, usePullDownRefresh,
} = hooks as Record<string, (...args: unknown[]) => unknown>;
