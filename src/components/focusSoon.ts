/**
 * Moves the focus (and the view) to an element once its attributes have reached the DOM, for a
 * dialog or an error summary that appears. H5 only: the mini-program has no programmatic focus.
 * Returns the effect's clean-up.
 */
export function focusSoon(ref: { current: unknown }): () => void {
  if (process.env.TARO_ENV !== 'h5') return () => undefined;
  // On H5 the ref is the rendered element; after its tabindex has reached the DOM.
  const timer = setTimeout(() => {
    const el = ref.current as { focus?: () => void; scrollIntoView?: (o?: unknown) => void } | null;
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus?.();
  }, 0);
  return () => clearTimeout(timer);
}
