/** Taro's Image on H5, with its Stencil core in the chunk of the pages that use it (./h5Component.ts). */
import type { Image as TaroImage } from '@tarojs/components';
import { h5Component } from './h5Component';

// By require: the core's own type declarations would bring Stencil's global typings into every file.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const core = require('@tarojs/components/dist/components/taro-image-core.js') as { defineCustomElement: () => void };

export const Image = h5Component<typeof TaroImage>('taro-image-core', core.defineCustomElement);
