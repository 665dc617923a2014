/** 公办/民办 */
export const SCHOOL_NATURES = ['public', 'private'] as const;

/** 公办学位紧张 / 公办非学位紧张 / 民转公 / 民办 (Q16). */
export const SCHOOL_TYPES = ['publicTight', 'publicNormal', 'converted', 'private'] as const;
