import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type HttpResponse, type TestApp, type TestClient, type TestUser } from "../../../test/harness";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);
const fields = (res: HttpResponse) => Object.fromEntries((res.body.error.details.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]));
const url = () => `/api/v1/projects/${w.projectA.id}/saved-views`;
const names = (res: HttpResponse) => (res.body.items as { name: string }[]).map((v) => v.name);

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("saved views of the register", () => {
  it("keeps private views to their author and shows shared ones to the team", async () => {
    const dev = await as(w.dev);
    const viewer = await as(w.viewer);
    const filters = { status: ["awaiting_client", "approved"], moscow: ["must"], sort: "rank" };
    const mine = await dev.post(url(), { name: "My musts", filters });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ name: "My musts", filters, shared: false, userId: w.dev.id, userName: w.dev.email });
    const team = await dev.post(url(), { name: "Team: waiting", filters: { status: ["awaiting_client"] }, shared: true });
    expect(team.status).toBe(201);
    expect((await viewer.post(url(), { name: "Viewer's own", filters: {} })).status).toBe(201);
    expect(names(await dev.get(url()))).toEqual(["My musts", "Team: waiting"]);
    expect(names(await viewer.get(url()))).toEqual(["Team: waiting", "Viewer's own"]);
    // Sharing takes the right to edit requirements; viewers save private views only.
    expect((await viewer.post(url(), { name: "Viewer shares", filters: {}, shared: true })).status).toBe(403);
  });

  it("validates the filters and refuses a name the author already uses", async () => {
    const dev = await as(w.dev);
    const bad = await dev.post(url(), { name: "", filters: { status: ["done"], colour: "red" } }, { "accept-language": "en" });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toMatchObject({ "body.name": "Too short (at least 1).", "body.filters": "Unknown field." });
    expect(fields(bad)["body.filters.status.0"]).toMatch(/^Must be one of: draft/);
    await dev.post(url(), { name: "Twice", filters: {} });
    const twice = await dev.post(url(), { name: "Twice", filters: {} }, { "accept-language": "zh-CN" });
    expect(twice.status).toBe(409);
    expect(fields(twice)).toEqual({ "body.name": "您已有同名视图。" });
  });

  it("lets the author remove their view, a manager a shared one, and hides others' private views", async () => {
    const dev = await as(w.dev);
    const pm = await as(w.pm);
    const priv = (await dev.post(url(), { name: "Private to dev", filters: {} })).body;
    const shared = (await dev.post(url(), { name: "Shared by dev", filters: {}, shared: true })).body;
    expect((await pm.delete(`${url()}/${priv.id}`)).status).toBe(404);
    expect((await (await as(w.viewer)).delete(`${url()}/${shared.id}`)).status).toBe(403);
    expect((await pm.delete(`${url()}/${shared.id}`)).status).toBe(204);
    expect((await dev.delete(`${url()}/${priv.id}`)).status).toBe(204);
    expect(names(await dev.get(url()))).not.toContain("Private to dev");
  });

  it("are the team's: client contacts get 403, strangers 404", async () => {
    expect((await (await as(w.contactA)).get(url())).status).toBe(403);
    expect((await (await as(w.contactA)).post(url(), { name: "x", filters: {} })).status).toBe(403);
    expect((await (await as(w.contactB)).get(url())).status).toBe(404);
    expect((await (await as(w.outsider)).get(url())).status).toBe(404);
  });
});
