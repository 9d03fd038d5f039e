#!/usr/bin/env node
// The `jiaofu` command. Jiaofu runs its TypeScript sources directly through tsx (docs/decisions/0001-stack.md).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
