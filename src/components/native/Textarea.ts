/** Taro's Textarea (the mini-program's native one; in jest the library's). H5 builds take ./Textarea.h5.ts. */
export { Textarea } from '@tarojs/components';
