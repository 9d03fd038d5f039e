/**
 * A delivery manager exports the demo project's plan as MS Project XML, imports that file into an empty project
 * through the Import dialog (preview, then confirm) and sees the same tasks; then subscribes to the milestones and
 * fetches the feed address as a calendar app would (no session).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { startE2eServer, type E2eServer } from "./support/server";
import { signInInEnglish } from "./support/session";

let server: E2eServer;
let browser: Browser;
let manager: Page;
let demoId = "";
let xmlPath = "";

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  manager = await (await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("plan exchange", () => {
  it("exports the demo plan as MS Project XML from the Import / export menu", async () => {
    await signInInEnglish(manager, server.url, "pm@demo.test");
    const projects = (await (await manager.request.get(`${server.url}/api/v1/projects?limit=200`)).json()) as { items: { id: string; code: string }[] };
    demoId = projects.items.find((p) => p.code === "HDMG-IM")?.id ?? "";
    await manager.goto(`${server.url}/projects/${demoId}/planning`);
    await manager.getByTestId("plan-grid").waitFor();
    await manager.getByTestId("plan-exchange-toggle").click();
    const [download] = await Promise.all([manager.waitForEvent("download"), manager.getByTestId("plan-export-mspdi").click()]);
    expect(download.suggestedFilename()).toBe("HDMG-IM-plan.xml");
    xmlPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-e2e-")), "HDMG-IM-plan.xml");
    await download.saveAs(xmlPath);
    const xml = fs.readFileSync(xmlPath, "utf8");
    expect(xml).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    expect(xml).toContain("<PredecessorLink>");
  });

  it("imports the file into an empty project through the dialog: preview, then confirm", async () => {
    const demoPlan = (await (await manager.request.get(`${server.url}/api/v1/projects/${demoId}/plan`)).json()) as { start: string; tasks: { wbsCode: string; name: string; schedule: { start: string } }[] };
    const csrf = (await manager.context().cookies()).find((c) => c.name === "jiaofu_csrf")?.value ?? "";
    const me = (await (await manager.request.get(`${server.url}/api/v1/me`)).json()) as { id: string };
    const clients = (await (await manager.request.get(`${server.url}/api/v1/clients`)).json()) as { items: { id: string }[] };
    const created = await manager.request.post(`${server.url}/api/v1/projects`, {
      data: { code: "COPY-IM", name: "Imported from MS Project", clientId: clients.items[0]?.id, managerId: me.id, startDate: demoPlan.start },
      headers: { "x-csrf-token": csrf, origin: server.url },
    });
    expect(created.status()).toBe(201);
    const projectId = ((await created.json()) as { id: string }).id;
    await manager.goto(`${server.url}/projects/${projectId}/planning`);
    await manager.getByTestId("plan-exchange-toggle").click();
    await manager.getByTestId("plan-import-open").click();
    const dialog = manager.getByTestId("plan-import-dialog");
    await dialog.getByTestId("plan-import-file").setInputFiles(xmlPath);
    await dialog.getByTestId("plan-import-preview-button").click();
    await dialog.getByTestId("plan-import-preview").waitFor();
    expect(await dialog.getByTestId("plan-import-count-tasks").locator("dd").textContent()).toBe(String(demoPlan.tasks.length));
    expect(await dialog.getByTestId("plan-import-errors").count()).toBe(0);
    await screenshot(manager, "e2e-plan-import-preview");
    await dialog.getByTestId("plan-import-confirm").click();
    await manager.getByTestId("plan-grid").waitFor();
    const first = demoPlan.tasks[0] as { wbsCode: string; name: string };
    const row = manager.locator(`[data-testid="plan-row"][data-wbs="${first.wbsCode}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(first.name);
    const imported = (await (await manager.request.get(`${server.url}/api/v1/projects/${projectId}/plan`)).json()) as typeof demoPlan;
    expect(imported.tasks.map((t) => [t.wbsCode, t.name, t.schedule.start])).toEqual(demoPlan.tasks.map((t) => [t.wbsCode, t.name, t.schedule.start]));
  });

  it("subscribes to the milestones and fetches the feed without a session", async () => {
    await manager.goto(`${server.url}/projects/${demoId}/planning`);
    await manager.getByTestId("plan-grid").waitFor();
    await manager.getByTestId("plan-exchange-toggle").click();
    await manager.getByTestId("plan-feed-open").click();
    const dialog = manager.getByTestId("plan-feed-dialog");
    await dialog.getByTestId("plan-feed-create").click();
    const url = await dialog.getByTestId("plan-feed-url").inputValue();
    expect(url).toMatch(/\/api\/v1\/feeds\/plan\/[A-Za-z0-9_-]+\.ics$/);
    await screenshot(manager, "e2e-plan-feed");
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:HDMG-IM · ");
    await dialog.getByTestId("plan-feed-revoke").click();
    await dialog.getByTestId("plan-feed-create").waitFor();
    expect((await fetch(url)).status).toBe(404);
  });
});
