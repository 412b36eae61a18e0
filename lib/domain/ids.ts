import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/** Every record id is a UUIDv7: made by whoever creates the record, so offline creation works. */
export const IdSchema = z.uuid({ message: 'Must be a valid id.' });
export type Id = z.infer<typeof IdSchema>;

export function newId(): Id {
  return uuidv7();
}

/** Timestamps travel as ISO-8601 strings in UTC, so they sort as text and survive JSON. */
export const TimestampSchema = z.iso.datetime({
  offset: true,
  message: 'Must be a date and time.',
});
export type Timestamp = z.infer<typeof TimestampSchema>;
