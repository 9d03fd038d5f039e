/**
 * Preloaded into an e2e server (`NODE_OPTIONS=--import`, see server.ts `shiftableClock`) so a test can let time pass
 * without waiting for it: the process's `Date` runs `offset` ms ahead of the real clock, everything that reads the time
 * (the app's `now()`, PGlite's `now()`) alike. On SIGUSR2 it reads the new offset from the file named in
 * JIAOFU_E2E_CLOCK_FILE and acknowledges by writing it to `<file>.ack`. Nothing of this is in the server's own code.
 */
import fs from "node:fs";

const file = process.env.JIAOFU_E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const now = () => RealDate.now() + offset;
  // A proxy rather than a subclass: dates made anywhere (structuredClone, Intl, drivers) stay `instanceof Date`.
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === "now" ? now : Reflect.get(target, key, receiver)),
  });
  process.on("SIGUSR2", () => {
    offset = Number(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(`${file}.ack`, String(offset));
  });
}
