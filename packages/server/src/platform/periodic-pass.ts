/**
 * A background pass run when the server starts and then every `everyMs` (progress snapshots, due-date notifications,
 * scheduled status reports). Passes never overlap: each waits for the one before. A failing pass is logged and the
 * next one runs as planned. The timer does not keep the process alive; the returned function stops the timer and
 * waits for a pass under way, so the database is not closed under it.
 */
export type PassLog = { error: (obj: object, msg: string) => void };

export function startPeriodicPass(pass: () => Promise<unknown>, everyMs: number, log: PassLog, failure: string): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(pass).catch((error: unknown) => log.error({ err: error }, failure));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
