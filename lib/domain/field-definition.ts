import { z } from 'zod';
import { FieldKeySchema } from './field-key';
import { IdSchema } from './ids';
import { LIMITS } from './limits';
import { FieldValueSchema } from './task';
import { TaskKindSchema } from './task-kind';

export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'date',
  'date_time',
  'select',
  'multi_select',
  'checkbox',
  'phone',
  'email',
  'url',
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/** An administrator's custom task field (R20). */
export const FieldDefinitionSchema = z.object({
  id: IdSchema,
  key: FieldKeySchema,
  label: z
    .string()
    .trim()
    .min(1, 'Label is required.')
    .max(LIMITS.fieldLabel, `Labels are at most ${LIMITS.fieldLabel} characters.`),
  type: FieldTypeSchema,
  required: z.boolean(),
  options: z.array(z.string().trim().min(1).max(LIMITS.codeLabel)).max(LIMITS.listItems),
  defaultValue: FieldValueSchema,
  order: z.number().int(),
  archived: z.boolean(),
  /** Empty means every kind. */
  appliesTo: z.array(TaskKindSchema),
});
export type FieldDefinition = z.infer<typeof FieldDefinitionSchema>;
