/** Taro's Image (the mini-program's native one; in jest the library's). H5 builds take ./Image.h5.ts. */
export { Image } from '@tarojs/components';
