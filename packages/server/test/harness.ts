/**
 * Integration test harness: a real app on a cloned test database, factories for workspace rows, and `as(user)`
 * clients that sign in through the API and send cookies + CSRF token like a browser does.
 *
 *   const t = await createTestApp();
 *   const { admin, pm } = await t.seedWorkspace();
 *   const res = await (await t.as(pm)).post("/api/v1/clients", { name: "Acme" });
 */
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app";
import { loadConfig, type Config } from "../src/config";
import type { Database } from "../src/db/database";
import type { Mailer } from "../src/platform/mailer";
import { clients, projectMembers, projects, users, workspaces } from "../src/db/schema";
import { hashPassword } from "../src/modules/auth/auth.crypto";
import { openTestDatabase } from "./test-database";

export const TEST_PASSWORD = "test-password-1";
let passwordHashPromise: Promise<string> | undefined;
const testPasswordHash = () => (passwordHashPromise ??= hashPassword(TEST_PASSWORD));

export type TestUser = { id: string; email: string; role: "owner" | "admin" | "member" | "client"; clientId: string | null };

export type HttpResponse = { status: number; body: any; headers: LightMyRequestResponse["headers"]; raw: LightMyRequestResponse };

export type TestClient = {
  get: (url: string, headers?: Record<string, string>) => Promise<HttpResponse>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpResponse>;
  patch: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpResponse>;
  put: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<HttpResponse>;
  delete: (url: string, headers?: Record<string, string>) => Promise<HttpResponse>;
  /** Raw inject for multipart and other special requests; cookies and CSRF header are added. */
  inject: (options: InjectOptions) => Promise<HttpResponse>;
  cookies: Record<string, string>;
  user: TestUser | null;
};

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(options: { config?: Partial<Record<string, string>>; now?: () => Date; mailer?: Mailer } = {}) {
  const database: Database = await openTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: "silent", JIAOFU_DATA_DIR: `.tmp/test-data-${process.pid}`, JIAOFU_LOGIN_MAX_ATTEMPTS: "1000", ...options.config });
  const app = await buildApp({
    config,
    deps: { database, db: database.db, mailer: options.mailer ?? null, now: options.now ?? (() => new Date()) },
    logger: false,
  });
  await app.ready();
  const db = database.db;
  let sequence = 0;
  const unique = (prefix: string) => `${prefix}-${++sequence}-${Math.random().toString(36).slice(2, 7)}`;

  function wrap(raw: LightMyRequestResponse): HttpResponse {
    let body: unknown = raw.body;
    if (String(raw.headers["content-type"] ?? "").includes("application/json")) body = raw.body ? JSON.parse(raw.body) : undefined;
    return { status: raw.statusCode, body, headers: raw.headers, raw };
  }

  function client(user: TestUser | null, cookies: Record<string, string> = {}): TestClient {
    const headersFor = (extra: Record<string, string> = {}, method = "GET") => {
      const headers: Record<string, string> = { ...extra };
      const cookieHeader = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ");
      if (cookieHeader) headers.cookie = cookieHeader;
      if (method !== "GET" && cookies.jiaofu_csrf && !("x-csrf-token" in headers)) headers["x-csrf-token"] = cookies.jiaofu_csrf;
      return headers;
    };
    const send = async (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body?: unknown, headers?: Record<string, string>) =>
      wrap(
        await app.inject({
          method,
          url,
          headers: headersFor(headers, method),
          ...(body === undefined ? {} : { payload: body as object }),
        }),
      );
    return {
      get: (url, headers) => send("GET", url, undefined, headers),
      post: (url, body, headers) => send("POST", url, body, headers),
      patch: (url, body, headers) => send("PATCH", url, body, headers),
      put: (url, body, headers) => send("PUT", url, body, headers),
      delete: (url, headers) => send("DELETE", url, undefined, headers),
      inject: async (opts) => {
        const method = String(opts.method ?? "GET");
        const given = (opts.headers ?? {}) as Record<string, string>;
        return wrap(await app.inject({ ...opts, headers: { ...opts.headers, ...headersFor(given, method) } }));
      },
      cookies,
      user,
    };
  }

  /** Signs in through the API and returns a client that carries the session like a browser. */
  async function as(user: TestUser): Promise<TestClient> {
    const response = await app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: user.email, password: TEST_PASSWORD } });
    if (response.statusCode !== 200) throw new Error(`sign-in as ${user.email} failed: ${response.statusCode} ${response.body}`);
    const cookies: Record<string, string> = {};
    for (const c of response.cookies) cookies[c.name] = c.value;
    return client(user, cookies);
  }
  /** One signed-in client per person, made on first use (signing in costs an argon2 verification). */
  const signedInClients = new Map<string, Promise<TestClient>>();
  function signedIn(user: TestUser): Promise<TestClient> {
    let c = signedInClients.get(user.id);
    if (!c) signedInClients.set(user.id, (c = as(user)));
    return c;
  }


  const factories = {
    workspace: async (name = "Test Workspace") => {
      const [row] = await db.insert(workspaces).values({ name }).returning();
      if (!row) throw new Error("workspace");
      return row;
    },
    client: async (workspaceId: string, name = unique("Client")) => {
      const [row] = await db.insert(clients).values({ workspaceId, name }).returning();
      if (!row) throw new Error("client");
      return row;
    },
    user: async (workspaceId: string, role: TestUser["role"], clientId: string | null = null, name?: string): Promise<TestUser> => {
      const email = `${unique(role)}@test.example`;
      const [row] = await db
        .insert(users)
        .values({ workspaceId, email, name: name ?? email, role, clientId, passwordHash: await testPasswordHash(), locale: "en" })
        .returning();
      if (!row) throw new Error("user");
      return { id: row.id, email, role, clientId };
    },
    project: async (workspaceId: string, clientId: string, values: Partial<typeof projects.$inferInsert> = {}) => {
      const [row] = await db
        .insert(projects)
        .values({ workspaceId, clientId, code: unique("P").toUpperCase().replace(/[^A-Z0-9-]/g, ""), name: unique("Project"), ...values })
        .returning();
      if (!row) throw new Error("project");
      return row;
    },
    member: async (projectId: string, userId: string, role: "manager" | "member" | "viewer" | "client") => {
      await db.insert(projectMembers).values({ projectId, userId, role });
    },
  };

  /**
   * A workspace with one of every kind of person and two clients, each with a project:
   * pm manages both projects, dev is a member of A's, viewer views A's, contactA/contactB are clients on their own.
   */
  async function seedWorkspace() {
    const workspace = await factories.workspace();
    const clientA = await factories.client(workspace.id, unique("Client A"));
    const clientB = await factories.client(workspace.id, unique("Client B"));
    const owner = await factories.user(workspace.id, "owner");
    const admin = await factories.user(workspace.id, "admin");
    const pm = await factories.user(workspace.id, "member");
    const dev = await factories.user(workspace.id, "member");
    const viewer = await factories.user(workspace.id, "member");
    const outsider = await factories.user(workspace.id, "member");
    const contactA = await factories.user(workspace.id, "client", clientA.id);
    const contactB = await factories.user(workspace.id, "client", clientB.id);
    const projectA = await factories.project(workspace.id, clientA.id, { managerId: pm.id });
    const projectB = await factories.project(workspace.id, clientB.id, { managerId: pm.id });
    await factories.member(projectA.id, pm.id, "manager");
    await factories.member(projectA.id, dev.id, "member");
    await factories.member(projectA.id, viewer.id, "viewer");
    await factories.member(projectA.id, contactA.id, "client");
    await factories.member(projectB.id, pm.id, "manager");
    await factories.member(projectB.id, contactB.id, "client");
    return { workspace, clientA, clientB, owner, admin, pm, dev, viewer, outsider, contactA, contactB, projectA, projectB };
  }

  return {
    app,
    database,
    db,
    config,
    factories,
    seedWorkspace,
    as,
    signedIn,
    anonymous: () => client(null),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
