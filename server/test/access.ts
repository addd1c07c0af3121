import type { Persona, TestApp, TestClient } from "./harness.js";

/** Shared vocabulary of the access matrix (server/test/access-matrix.ts) and its per-module rows. */
export type Caller = Persona | "anonymous";

export const callers: readonly Caller[] = [
  "anonymous",
  "admin",
  "coordinationBerlin",
  "leadBerlin",
  "counselorBerlin",
  "counselorBavaria",
  "monitoring",
  "federal",
];
export const everyone: readonly Caller[] = callers;
export const signedIn: readonly Caller[] = callers.filter((c) => c !== "anonymous");

export type MatrixContext = {
  t: TestApp;
  as(caller: Caller): TestClient;
  freshLogin(caller: Caller): Promise<TestClient>;
};

export type MatrixRequest = { url: string; body?: unknown };

export type Row = {
  /** Callers that must get a 2xx; every other caller must not. */
  allow: readonly Caller[];
  /** Builds the request for one caller; may create a fresh target record or caller-owned state. */
  request(ctx: MatrixContext, caller: Caller): Promise<MatrixRequest> | MatrixRequest;
  /** Undo caller-owned changes after the call (e.g. a changed password), so later rows start clean. */
  after?(ctx: MatrixContext, caller: Caller): Promise<void>;
  /** Sign in anew for each caller (the route ends or changes the session). */
  freshSession?: boolean;
};
