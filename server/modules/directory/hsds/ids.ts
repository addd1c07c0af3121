import { createHash } from "node:crypto";

/**
 * HSDS wants UUIDs for every object, also for those Lotse keeps as columns of a site (address,
 * phone, languages, hours). They are name-based UUIDs (version 5, RFC 9562) of a fixed namespace
 * and a name such as "location:<site id>": the same record gets the same id on every node and in
 * every export, and an object type never shares an id with another (a site and its location do not).
 */
export const HSDS_NAMESPACE = "3b5c0d1e-8f4a-4c61-9a57-2f0e6d1b7c42";

export function uuidV5(name: string, namespace = HSDS_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The HSDS id of a Lotse record: `kind` names the HSDS object, `key` the record it comes from. */
export const hsdsId = (kind: string, key: string) => uuidV5(`${kind}:${key}`);
