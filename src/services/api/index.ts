/**
 * Typed calls to the enrolment API: one function per route of types/api.ts, on the module's one client
 * (../client.ts). Stores call them as `import * as api from '@/services/api'`. One file per subject:
 * a build keeps every call some page makes in the file that defines it, so the calls the first page
 * makes are apart from the rest, which load with the pages that make them.
 */
export * from './session';
export * from './reference';
export * from './children';
export * from './applications';
export * from './messages';
