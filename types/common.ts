/**
 * Building blocks every contract uses: bounded strings, ISO instants, ids. Bounds are the
 * server's first line against hostile input; the domain validators give the Chinese field messages.
 */
import { z } from 'zod';

/** An ISO-8601 instant with an explicit offset, e.g. "2024-06-20T18:00:00+08:00". */
export const InstantSchema = z.iso.datetime({ offset: true });
/** YYYY-MM-DD. */
export const LocalDateSchema = z.iso.date();
/** HH:mm. */
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A short text a parent types (names, relationship notes). */
export const shortText = (max = 64) => z.string().max(max);
/** Record ids the server issues (children, files, applications): letters, digits, - and _. */
export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** GB/T 2260 district code or an internal 9xxxxx code. */
export const DistrictCodeSchema = z.string().regex(/^\d{6}$/);

/** Lists a parent can send are short; anything longer is an attack, not a form. */
export const MAX_LIST = 20;
