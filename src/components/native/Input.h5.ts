/** Taro's Input on H5, with its Stencil core in the chunk of the pages that use it (./h5Component.ts). */
import type { Input as TaroInput } from '@tarojs/components';
import { h5Component } from './h5Component';

// By require: the core's own type declarations would bring Stencil's global typings into every file.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const core = require('@tarojs/components/dist/components/taro-input-core.js') as { defineCustomElement: () => void };

export const Input = h5Component<typeof TaroInput>('taro-input-core', core.defineCustomElement);
