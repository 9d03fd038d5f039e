/** Signing a demo account in on a test app seeded with the demo (`seedDemoIfEmpty(t.db, …)`), as a browser does. */
import { expect } from "vitest";
import type { TLocale } from "@jiaofu/contracts";
import { DEMO_PASSWORD } from "../src/demo/seed-demo";
import type { TestApp } from "./harness";

/** Signs `email` in with the demo password; returns a GET that carries the session (and speaks `locale` when given). */
export async function demoSession(t: TestApp, email: string, locale?: TLocale) {
  const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password: DEMO_PASSWORD } });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return async (url: string) => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie, ...(locale ? { "accept-language": locale } : {}) } });
    return { status: res.statusCode, body: res.json() };
  };
}
