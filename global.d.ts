/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

/** Build-time flag: the H5 development build with the dev host (simulated 渝快办, QA panel): npm start, e2e. */
declare const DEV_HOST: boolean;
/** Build-time flag: the offline demo, where the enrolment server runs in the page behind MSW (npm run start:mock). */
declare const MOCK_HOST: boolean;
/** Origin of the enrolment API for mini-program builds (H5 uses same-origin paths). */
declare const API_ORIGIN: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'quickapp' | 'qq' | 'jd';
    TARO_APP_MSW?: string;
    /** The host's subpackage root for the WeChat embed build (npm run build:weapp-embed). */
    TARO_APP_EMBED_ROOT?: string;
  }
}
