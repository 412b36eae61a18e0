import { z } from 'zod';
import { IdSchema } from './ids';
import { LIMITS } from './limits';

export const PERMISSIONS = ['view', 'create', 'edit', 'delete', 'change_status'] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

export const RoleSchema = z.enum(['agent', 'administrator']);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, 'Name is required.').max(LIMITS.name),
  email: z.email('Must be an email address.').max(LIMITS.email),
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;
