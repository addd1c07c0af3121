import { createHmac } from "node:crypto";
import { safeEqual } from "../../platform/secrets.js";

/**
 * The link in every booking mail that lets the person see, cancel or move their booking
 * without an account: the booking id signed with the instance secret (HMAC-SHA256). Nothing
 * is stored; a cancelled or past booking simply can no longer be changed.
 */
export function manageToken(secret: Buffer, bookingId: string): string {
  return createHmac("sha256", secret).update(`lotse:booking-manage:${bookingId}`).digest("base64url");
}

export function isManageToken(secret: Buffer, bookingId: string, token: string): boolean {
  return safeEqual(manageToken(secret, bookingId), token);
}

/** `locale`: the page opens in the language of the booking's mails, whatever the device last used. */
export function manageUrl(publicUrl: string, secret: Buffer, bookingId: string, locale: string): string {
  const url = new URL(`/termin/${bookingId}`, publicUrl);
  url.searchParams.set("token", manageToken(secret, bookingId));
  url.searchParams.set("lang", locale);
  return url.toString();
}
