import { z } from "zod";

// German is the source language, also for validation messages of the API.
z.config(z.locales.de());

export const idSchema = z.uuid();
export const idParams = z.object({ id: idSchema });

/** The body of every error response (RFC 9457 problem details). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    titleEn: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string(),
    errors: z.array(z.object({ field: z.string(), pointer: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

/** Trimmed, non-empty single-line text. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** A calendar day, YYYY-MM-DD (Europe/Berlin days: the server computes "today" in Berlin). */
export const isoDate = z.iso.date();

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "ISO-3166-Ländercode aus zwei Buchstaben, z. B. SY");
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, "ISO-639-Sprachcode, z. B. ar");
