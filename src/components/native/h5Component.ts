/**
 * Taro's H5 wrapper for one built-in component, made as `@tarojs/components` makes all of them
 * (lib/react/components.js), but in a module of its own. That file is one module: every component
 * the app uses anywhere is created in it, so its Stencil cores (Input, Textarea, Image: ~4 KB gzip)
 * rode along with the first page. Created here, a core comes with the pages that use it.
 */
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';

export function h5Component<T>(tagName: string, defineCustomElement: () => void): T {
  return createReactComponent(tagName, undefined, manipulatePropsFunction as never, defineCustomElement) as unknown as T;
}
