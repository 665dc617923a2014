/**
 * What every call of the enrolment API shares: the module's one client (../client.ts), the answer's
 * contract loaded when the answer is in, and query strings.
 */
import type { ZodType } from 'zod';
import type * as Contracts from '@contract/api';
import { apiClient } from '../client';

export const { call } = apiClient;

type SchemaName = { [K in keyof typeof Contracts]: K extends `${string}Schema` ? K : never }[keyof typeof Contracts];
/**
 * An answer's schema, loaded when the answer is in: zod and the schemas are a chunk of their own, not
 * part of the first page's JS (config/contracts.ts). Every answer is parsed with its contract
 * (types/api.ts), the schemas the server declares its routes with.
 */
export const contract = (name: SchemaName) => () => import('@contract/api').then((contracts) => contracts[name] as ZodType);

export const query = (params: Record<string, string | number | undefined>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : '';
};
