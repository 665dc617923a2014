/**
 * The server's time. Business rules read `now()` (QA may move it in development); sessions, tickets
 * and rate limits read `realNowMs()`, so a QA jump of days never logs a parent out.
 */
export interface Clock {
  /** The instant every rule of this request is judged at, ISO with +08:00. */
  now(): string;
  realNowMs(): number;
}
