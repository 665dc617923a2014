/** Taro's Input (the mini-program's native one; in jest the library's). H5 builds take ./Input.h5.ts. */
export { Input } from '@tarojs/components';
