/**
 * Paths of the H5 host gateway: the HTTP surface an H5 host exposes to embedded modules.
 * MSW plays it in development; docs/host-bridge.md describes it for host teams.
 */
export const HOST_BASE = '/host';
export const hostRoutes = {
  faceVerify: `${HOST_BASE}/face/verify`,
  openPage: `${HOST_BASE}/open-page`,
  uiStyle: `${HOST_BASE}/ui-style`,
} as const;

/** The host dispatches this DOM event (detail: 'normal' | 'elder') when its UI style changes. */
export const UI_STYLE_EVENT = 'host-ui-style';
