/**
 * The enum value lists of the contracts, as plain arrays: the one definition of each list, which the
 * schemas in the other files of types/ build their z.enum from. Kept free of zod so that a page
 * that only lists stages or relationships does not download the schemas (config/contracts.ts).
 *
 * One file per subject; import them all from here ('@contract/enums'). A build ships each file
 * with the pages that use one of its lists, so a page is not sent lists only other pages show.
 */
export * from './application';
export * from './stages';
export * from './family';
export * from './records';
export * from './schools';
export * from './materials';
export * from './messages';
export * from './home';
