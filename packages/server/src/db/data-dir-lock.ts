/**
 * An exclusive lock on the data directory. PGlite has no lock of its own and two processes on one directory
 * corrupt it silently, so every process that opens the embedded database takes this lock first.
 *
 * The lock is a listening Unix socket. On Linux it lives in the abstract namespace, named after the directory's
 * real path: the kernel releases it the instant its process dies, even on `kill -9`, so there is never a stale lock
 * to clean up and no race between two starters (bind is atomic). Elsewhere it is a socket file in the directory;
 * a file nobody answers on is stale and replaced. A second process connects to the socket and is told who holds it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type LockOwner = { pid: number; host: string; command: string; startedAt: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | undefined,
  ) {
    const who = owner
      ? `pid ${owner.pid} on ${owner.host}, running "${owner.command}" since ${owner.startedAt}`
      : "another process";
    super(
      `The data directory ${dataDir} is in use by another Jiaofu process (${who}). ` +
        `Stop it first, or set JIAOFU_DATA_DIR to another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type DataDirLock = { release: () => Promise<void> };

function socketAddress(realDir: string): string {
  if (process.platform === "linux") {
    return `\0jiaofu-${createHash("sha256").update(realDir).digest("hex").slice(0, 32)}`;
  }
  return path.join(realDir, "jiaofu.lock.sock");
}

function listen(server: net.Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(address, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Asks the holder who it is; resolves undefined when nobody answers (a stale socket file). */
function askOwner(address: string): Promise<LockOwner | "nobody" | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, 2000);
    socket.on("data", (chunk) => (text += chunk.toString("utf8")));
    socket.on("end", () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(text) as LockOwner);
      } catch {
        resolve(undefined);
      }
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === "ECONNREFUSED" || error.code === "ENOENT" ? "nobody" : undefined);
    });
  });
}

export async function acquireDataDirLock(dataDir: string, command: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const realDir = fs.realpathSync(dataDir);
  const address = socketAddress(realDir);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };
  const server = net.createServer((socket) => socket.end(JSON.stringify(me)));
  server.unref();
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, address);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      const owner = await askOwner(address);
      const isStaleFile = owner === "nobody" && !address.startsWith("\0");
      if (isStaleFile && attempt === 0) {
        fs.rmSync(address, { force: true });
        continue;
      }
      throw new DataDirLockedError(realDir, owner === "nobody" ? undefined : owner);
    }
  }
  let released = false;
  return {
    release: () =>
      new Promise<void>((resolve) => {
        if (released) return resolve();
        released = true;
        server.close(() => resolve());
      }),
  };
}
