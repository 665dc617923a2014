/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

/** Build-time flag: true only in the H5 build with the MSW mock host (npm start, e2e). */
declare const MOCK_HOST: boolean;
/** Origin of the enrolment API for mini-program builds (H5 uses same-origin paths). */
declare const API_ORIGIN: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'quickapp' | 'qq' | 'jd';
    TARO_APP_MSW?: string;
  }
}
