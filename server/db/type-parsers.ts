import { types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';

/*
 * Both drivers must hand back the same JavaScript values, or code tested on PGlite would break on
 * PostgreSQL. Left alone they disagree: PGlite turns bigint into a number (silently inexact past
 * 2^53) where pg gives a string, and both turn a calendar date into a Date at a midnight that
 * depends on the process's time zone. So: bigint → string (exact, pg's default), date →
 * 'YYYY-MM-DD' string (a date is not an instant).
 */
const asText = (value: string) => value;

export const PGLITE_PARSERS = {
  [pgliteTypes.INT8]: asText,
  [pgliteTypes.DATE]: asText,
};

export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.DATE) return asText;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
