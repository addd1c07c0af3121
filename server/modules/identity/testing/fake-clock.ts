/** A clock tests move by hand (token expiry, lockout windows, TOTP steps); starts at the real time. */
export function fakeClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    minutes: (n: number) => n * 60_000,
  };
}
