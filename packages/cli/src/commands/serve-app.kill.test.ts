/**
 * Durability: every write the server acknowledged (201) is still there after the process is killed with SIGKILL in
 * the middle of a burst of writes and started again on the same data directory.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv, makeTempDir, removeTempDirs, startServe, stopProcess, type ServeProcess } from "../testing/cli-process";

type Session = { cookie: string; csrf: string };

async function signIn(url: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookies = new Map(
    response.headers.getSetCookie().map((header) => {
      const [pair = ""] = header.split(";");
      const index = pair.indexOf("=");
      return [pair.slice(0, index), pair.slice(index + 1)] as const;
    }),
  );
  const session = cookies.get("jiaofu_session");
  const csrf = cookies.get("jiaofu_csrf");
  if (!session || !csrf) throw new Error("sign-in set no session cookies");
  return { cookie: `jiaofu_session=${session}; jiaofu_csrf=${csrf}`, csrf };
}

async function listClientNames(url: string, session: Session): Promise<Set<string>> {
  const names = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const response = await fetch(`${url}/api/v1/clients?limit=200${query}`, { headers: { cookie: session.cookie } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { name: string }[]; nextCursor: string | null };
    for (const item of page.items) names.add(item.name);
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}

describe("kill -9 in the middle of writes", () => {
  let server: ServeProcess | undefined;
  afterAll(async () => {
    await stopProcess(server, "SIGKILL");
    removeTempDirs();
  });

  it("keeps every acknowledged write", async () => {
    const dataDir = makeTempDir();
    const env = cliEnv(dataDir, { JIAOFU_DEMO: "1", JIAOFU_DEMO_LOCALE: "en" });
    server = await startServe(env);
    const url = server.url;
    const session = await signIn(url, "pm@demo.test", "demo1234");

    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const KILL_AFTER = 40;
    // Four writers in parallel, each sending one create after another until the server is gone.
    const writer = async () => {
      for (;;) {
        const name = `Client ${next++}`;
        try {
          const response = await fetch(`${url}/api/v1/clients`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: session.cookie, "x-csrf-token": session.csrf },
            body: JSON.stringify({ name }),
          });
          if (response.status === 201) acknowledged.push(name);
          else if (!killed) throw new Error(`unexpected status ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (killed) return;
          throw error;
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          server?.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(await server.exited).toBeNull();
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    server = await startServe(env);
    const names = await listClientNames(server.url, await signIn(server.url, "pm@demo.test", "demo1234"));
    const lost = acknowledged.filter((name) => !names.has(name));
    expect(lost).toEqual([]);
    // The demo clients are there too: the restart did not seed a second time or lose the seed.
    expect(names.has("Eastern Manufacturing Group")).toBe(true);
  });
});
