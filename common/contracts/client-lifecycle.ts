import { z } from "zod";
import { idSchema } from "./shared.js";

const version = z.number().int().min(1);

/** Löschung auf Antrag: the personal part goes, the pseudonymous facts stay for statistics. */
export const eraseClientRequest = z.object({ version }).meta({ id: "EraseClientRequest" });

export const eraseClientResponse = z
  .object({
    id: idSchema,
    erasedAt: z.string(),
    /** Records per module whose personal texts were removed in this call (0 on a repeat). */
    changed: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "EraseClientResult" });

/** Zusammenführen: the record in the path is kept; the duplicate's history moves to it. */
export const mergeClientRequest = z
  .object({ duplicateId: idSchema, version, duplicateVersion: version })
  .meta({ id: "MergeClientRequest" });

export const mergeClientResponse = z
  .object({ keptId: idSchema, mergedId: idSchema, moved: z.record(z.string(), z.number().int()) })
  .meta({ id: "MergeClientResult" });

/** Auskunft (Art. 15 GDPR): everything stored about a client, module by module. */
export const clientExportResponse = z
  .object({
    exportedAt: z.string(),
    client: z.record(z.string(), z.unknown()),
    consents: z.array(z.record(z.string(), z.unknown())),
    tasks: z.array(z.record(z.string(), z.unknown())),
    accessGrants: z.array(z.record(z.string(), z.unknown())),
    records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  })
  .meta({ id: "ClientExport" });

export const retentionRunSchema = z
  .object({
    id: idSchema,
    ranAt: z.string(),
    runDay: z.string(),
    /** Per record type: the cut-off day, how many records lost their personal data, and how the report names it. */
    results: z.record(
      z.string(),
      z.object({ cutoff: z.string(), erased: z.number().int(), label: z.object({ de: z.string(), en: z.string() }) }),
    ),
    erasedClients: z.number().int(),
  })
  .meta({ id: "RetentionRun" });
export const retentionRunListResponse = z.object({ items: z.array(retentionRunSchema) }).meta({ id: "RetentionRunList" });

export type EraseClientResponse = z.infer<typeof eraseClientResponse>;
export type MergeClientRequest = z.infer<typeof mergeClientRequest>;
export type MergeClientResponse = z.infer<typeof mergeClientResponse>;
export type ClientExport = z.infer<typeof clientExportResponse>;
export type RetentionRun = z.infer<typeof retentionRunSchema>;
