/** 幼升小 enters grade 1; 小升初 enters grade 7. */
export const STAGES = ['primary', 'junior'] as const;
