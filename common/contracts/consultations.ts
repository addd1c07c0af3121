import { z } from "zod";
import { professionalFields } from "../domain/reference-professions.js";
import { idSchema, text } from "./shared.js";

export const referenceProfessionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  field: z.enum(professionalFields).optional(),
  regulated: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  includeInactive: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const createReferenceProfessionRequest = z
  .object({
    name: text(150),
    formerNames: z.array(text(150)).max(5).default([]),
    regulated: z.boolean(),
    professionalField: z.enum(professionalFields),
    qualificationKind: z.enum(["academic", "vocational"]),
  })
  .meta({ id: "CreateReferenceProfessionRequest" });

export const updateReferenceProfessionRequest = createReferenceProfessionRequest
  .partial()
  .extend({ active: z.boolean().optional() })
  .meta({ id: "UpdateReferenceProfessionRequest" });

export const referenceProfessionSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    formerNames: z.array(z.string()),
    regulated: z.boolean(),
    professionalField: z.enum(professionalFields),
    qualificationKind: z.enum(["academic", "vocational"]),
    active: z.boolean(),
  })
  .meta({ id: "ReferenceProfession" });

export const referenceProfessionListResponse = z
  .object({ items: z.array(referenceProfessionSchema) })
  .meta({ id: "ReferenceProfessionList" });

export type ReferenceProfessionQuery = z.infer<typeof referenceProfessionQuery>;
export type CreateReferenceProfessionRequest = z.infer<typeof createReferenceProfessionRequest>;
export type UpdateReferenceProfessionRequest = z.infer<typeof updateReferenceProfessionRequest>;
export type ReferenceProfession = z.infer<typeof referenceProfessionSchema>;
