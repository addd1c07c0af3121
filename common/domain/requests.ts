/**
 * Online requests (Online-Anfrage, issue 4): a person asks a site for counseling with a form,
 * the site's counselors answer it. new → accepted | forwarded | closed; a forwarded request is in
 * the other site's inbox and can be accepted, forwarded again or closed there.
 */
export const requestStatuses = ["new", "forwarded", "accepted", "closed"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Still waiting for an answer (the inbox's default view). */
export const openRequestStatuses: readonly RequestStatus[] = ["new", "forwarded"];

export const isOpenRequest = (status: string): boolean => (openRequestStatuses as readonly string[]).includes(status);

/** The moves staff make: accept, forward and close are possible from an open request only. */
export const requestActions = ["accept", "forward", "close"] as const;
export type RequestAction = (typeof requestActions)[number];
export const statusAfter: Record<RequestAction, RequestStatus> = { accept: "accepted", forward: "forwarded", close: "closed" };

/** How the person would like to be counseled. */
export const requestChannels = ["in_person", "phone", "video", "email"] as const;
export type RequestChannel = (typeof requestChannels)[number];

/** The version of the consent text shown on the form; kept with the request and with the client's consent. */
export const REQUEST_CONSENT_TEXT_VERSION = "2026-01-online";

export const REQUEST_DESCRIPTION_MAX = 2000;
export const REQUEST_ANSWER_MAX = 4000;
