import type { ApiError } from '@contract/errors';
import { hostName } from '@/config';

/** Chinese messages for failures that happen before the server can answer. */
export const clientErrors = {
  network: (): ApiError => ({ code: 'NETWORK', message: '网络连接不稳定，请检查网络后重试。您填写的内容已保存。' }),
  timeout: (): ApiError => ({ code: 'TIMEOUT', message: '服务器响应超时，请稍后重试。您填写的内容已保存。' }),
  unreadable: (): ApiError => ({ code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试。您填写的内容已保存。' }),
  hostUnavailable: (): ApiError => ({ code: 'INTERNAL', message: `当前应用暂不支持此功能，请更新${hostName()}到最新版本后重试。` }),
};

export const QUEUE_MESSAGE = '当前访问人数较多，请稍候，系统将自动为您重试';
