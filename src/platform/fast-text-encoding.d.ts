declare module 'fast-text-encoding';
