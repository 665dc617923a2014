/** Taro's Textarea on H5, with its Stencil core in the chunk of the pages that use it (./h5Component.ts). */
import type { Textarea as TaroTextarea } from '@tarojs/components';
import { h5Component } from './h5Component';

// By require: the core's own type declarations would bring Stencil's global typings into every file.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const core = require('@tarojs/components/dist/components/taro-textarea-core.js') as { defineCustomElement: () => void };

export const Textarea = h5Component<typeof TaroTextarea>('taro-textarea-core', core.defineCustomElement);
