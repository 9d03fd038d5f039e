/**
 * Every feature module's routes, registered under /api/v1. A new module adds its plugin here
 * (see ARCHITECTURE.md, "Adding a module").
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authRoutes } from "./auth/auth.routes";
import { clientsRoutes } from "./clients/clients.routes";

export const MODULES: FastifyPluginAsyncZod[] = [authRoutes, clientsRoutes];
