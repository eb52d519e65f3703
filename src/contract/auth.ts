import { z } from 'zod';
import { roles } from '../core/access/roles.ts';
import { regionCodeSchema, text } from './common.ts';

export const roleSchema = z.enum(roles);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'a valid email address' }));

export const passwordSchema = z
  .string()
  .min(10, { message: 'at least 10 characters' })
  .max(200, { message: 'at most 200 characters' });

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  regionCode: z.string(),
  regionName: z.string(),
  posyanduId: z.string().nullable().describe('the posyandu of a kader'),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({
  user: meSchema.nullable(),
  csrfToken: z.string().nullable().describe('send as the x-csrf-token header on every write'),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const createUserBodySchema = z.object({
  email: emailSchema,
  name: text(120).pipe(z.string().min(1, { message: 'required' })),
  role: roleSchema,
  regionCode: regionCodeSchema,
  posyanduId: z
    .uuid({ message: 'a UUID' })
    .nullish()
    .describe('required for a kader: the posyandu they work at'),
});

export const userSchema = meSchema.omit({ mustChangePassword: true }).extend({
  posyanduName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const createUserResponseSchema = z.object({
  user: userSchema,
  oneTimePassword: z.string().describe('shown once; the user must change it at first login'),
});

export const userListSchema = z.object({ items: z.array(userSchema) });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });
export type AuditEntry = z.infer<typeof auditEntrySchema>;
