import { z } from "zod";
import { roles } from "../domain/roles.js";
import { emailSchema, idSchema, text } from "./shared.js";

export const languages = ["de", "en"] as const;

export const userGrantSchema = z
  .object({
    id: idSchema,
    role: z.enum(roles),
    unitId: idSchema,
    unitName: z.string(),
    unitType: z.string(),
    grantedAt: z.string(),
  })
  .meta({ id: "UserGrant" });

/** What the caller may do with this user; the UI hides what is false. */
export const userAbilitiesSchema = z.object({ update: z.boolean(), disable: z.boolean(), grantRoles: z.boolean() });

export const userSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    displayName: z.string(),
    preferredLanguage: z.string(),
    disabled: z.boolean(),
    mfaEnabled: z.boolean(),
    /** Optimistic concurrency: send it back with PATCH. */
    version: z.number().int(),
    /** Active grants only; revoked ones stay in the history (audit trail). */
    grants: z.array(userGrantSchema),
    abilities: userAbilitiesSchema,
  })
  .meta({ id: "User" });

export const userListQuery = z.object({
  /** Part of the name or e-mail address. */
  q: z.string().trim().max(200).optional(),
  /** Only users with a grant on this unit or below it. */
  unitId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(600).optional(),
});

export const userListResponse = z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() }).meta({ id: "UserList" });

export const createUserRequest = z
  .object({
    email: emailSchema,
    displayName: text(200),
    role: z.enum(roles),
    unitId: idSchema,
    preferredLanguage: z.enum(languages).default("de"),
  })
  .meta({ id: "CreateUser" });

export const updateUserRequest = z
  .object({
    version: z.number().int().min(1),
    displayName: text(200).optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: "UpdateUser" });

export const grantRoleRequest = z.object({ role: z.enum(roles), unitId: idSchema }).meta({ id: "GrantRole" });

export const userGrantParams = z.object({ id: idSchema, grantId: idSchema });

export const grantableRolesQuery = z.object({ unitId: idSchema });
export const grantableRolesResponse = z.object({ unitId: idSchema, roles: z.array(z.enum(roles)) }).meta({ id: "GrantableRoles" });

export type User = z.infer<typeof userSchema>;
export type UserGrant = z.infer<typeof userGrantSchema>;
export type UserListQuery = z.infer<typeof userListQuery>;
export type CreateUserRequest = z.infer<typeof createUserRequest>;
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;
export type GrantRoleRequest = z.infer<typeof grantRoleRequest>;
