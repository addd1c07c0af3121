import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/index.js";
import { instanceSettings } from "../db/schema/index.js";

/** 32 random bytes as base64url: session tokens, reset tokens, CSRF tokens. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a database leak yields no usable token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * The instance secret: SESSION_SECRET when set (required in production); otherwise a random
 * one generated on first start and kept in the database, so a demo install survives restarts.
 */
export async function resolveInstanceSecret(db: Db, configured: string | undefined): Promise<Buffer> {
  if (configured) return Buffer.from(configured, "utf8");
  await db
    .insert(instanceSettings)
    .values({ key: "generated_secret", value: randomToken(48) })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, "generated_secret"));
  return Buffer.from(row!.value, "utf8");
}

/** Derived keys per secret and purpose: HKDF on every hash cost more than the hash (public booking hashes four values). */
const derivedKeys = new WeakMap<Buffer, Map<string, Buffer>>();

function deriveKey(secret: Buffer, purpose: string): Buffer {
  const keys = derivedKeys.get(secret) ?? new Map<string, Buffer>();
  derivedKeys.set(secret, keys);
  const known = keys.get(purpose);
  if (known) return known;
  const key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `lotse:${purpose}`, 32));
  keys.set(purpose, key);
  return key;
}

/**
 * HMAC-SHA256 of a value under a purpose-bound key, as base64url: signatures, and pseudonyms of
 * values (an address, an e-mail) that cannot be recomputed without the instance secret.
 */
export function keyedHash(secret: Buffer, purpose: string, value: string): string {
  return createHmac("sha256", deriveKey(secret, purpose)).update(value).digest("base64url");
}

/** AES-256-GCM with a purpose-bound key; output "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptSecret(secret: Buffer, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(secret, purpose), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(secret: Buffer, purpose: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown sealed secret format");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey(secret, purpose), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
