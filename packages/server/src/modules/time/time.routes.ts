import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZActualCost,
  ZActualCostQuery,
  ZCreateTimeEntryRequest,
  ZDecideTimesheetPartRequest,
  ZErrorResponse,
  ZIdParams,
  ZListTimeEntriesQuery,
  ZStartTimerRequest,
  ZStopTimerRequest,
  ZSubmitTimesheetRequest,
  ZTimeEntry,
  ZTimeEntryList,
  ZTimeEntryParams,
  ZTimerStarted,
  ZTimerState,
  ZTimerStopped,
  ZTimesheetApproval,
  ZTimesheetApprovalList,
  ZTimesheetApprovalsQuery,
  ZTimesheetPartParams,
  ZTimesheetWeek,
  ZTimesheetWeekQuery,
  ZUpdateTimeEntryRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createTimeService } from "./time.service";

const tags = ["time"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const ZDeleteEntryQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** Time tracking (docs/execution.md "Time tracking"). Who may do what: `canTime`, `canKeepTime`, `canTimeOfPerson` in policy.ts. */
export const timeRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createTimeService(app.deps);

  app.get(
    "/time/timer",
    { schema: { tags, summary: "The caller's running timer, if any", response: { 200: ZTimerState, ...errors } } },
    async (request) => service.getTimer(requireActor(request)),
  );

  app.post(
    "/time/timer/start",
    {
      schema: {
        tags,
        summary: "Start a timer on a project (and task); a timer already running is stopped into entries first",
        body: ZStartTimerRequest,
        response: { 201: ZTimerStarted, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.startTimer(requireActor(request), request.body)),
  );

  app.post(
    "/time/timer/stop",
    {
      schema: {
        tags,
        summary: "Stop the timer: one entry per day it ran (split at midnight in `timeZone`, default Asia/Shanghai), in whole minutes",
        body: ZStopTimerRequest,
        response: { 200: ZTimerStopped, ...errors },
      },
    },
    async (request) => service.stopTimer(requireActor(request), request.body),
  );

  app.delete(
    "/time/timer",
    { schema: { tags, summary: "Discard the running timer without writing time", response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.discardTimer(requireActor(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/time/entries",
    {
      schema: {
        tags,
        summary: "List time entries: a project's or task's (the team), or the caller's own across projects; by week or dates",
        querystring: ZListTimeEntriesQuery,
        response: { 200: ZTimeEntryList, ...errors },
      },
    },
    async (request) => service.listEntries(requireActor(request), request.query),
  );

  app.post(
    "/time/entries",
    {
      schema: {
        tags,
        summary: "Log time by hand on a project (and task) for a day; the week's part must be open and the day stay within 24 hours",
        body: ZCreateTimeEntryRequest,
        response: { 201: ZTimeEntry, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createEntry(requireActor(request), request.body)),
  );

  app.patch(
    "/time/entries/:id",
    {
      schema: {
        tags,
        summary: "Change an own entry while its week is a draft or rejected (send the version you read)",
        params: ZTimeEntryParams,
        body: ZUpdateTimeEntryRequest,
        response: { 200: ZTimeEntry, ...errors },
      },
    },
    async (request) => service.updateEntry(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/time/entries/:id",
    {
      schema: {
        tags,
        summary: "Remove an own entry while its week is a draft or rejected (`version` checks it is the one you read)",
        params: ZTimeEntryParams,
        querystring: ZDeleteEntryQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteEntry(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/time/timesheets/me",
    {
      schema: {
        tags,
        summary: "The caller's week (Monday to Sunday): entries by project and task per day, totals, and each project part's status",
        querystring: ZTimesheetWeekQuery,
        response: { 200: ZTimesheetWeek, ...errors },
      },
    },
    async (request) => service.myWeek(requireActor(request), request.query.week),
  );

  app.post(
    "/time/timesheets/me/submit",
    {
      schema: {
        tags,
        summary: "Submit the week: each project's draft or rejected time goes to its manager and is locked (send the timesheet's version, 0 at first)",
        body: ZSubmitTimesheetRequest,
        response: { 200: ZTimesheetWeek, ...errors },
      },
    },
    async (request) => service.submitWeek(requireActor(request), request.body),
  );

  app.get(
    "/time/approvals",
    {
      schema: {
        tags,
        summary: "Timesheet parts on the projects the caller manages (default: awaiting a decision), with their entries",
        querystring: ZTimesheetApprovalsQuery,
        response: { 200: ZTimesheetApprovalList, ...errors },
      },
    },
    async (request) => service.approvals(requireActor(request), request.query),
  );

  app.get(
    "/projects/:id/timesheets",
    {
      schema: {
        tags,
        summary: "The project's timesheet parts (default: awaiting a decision), with their entries (managers and admins)",
        params: ZIdParams,
        querystring: ZTimesheetApprovalsQuery,
        response: { 200: ZTimesheetApprovalList, ...errors },
      },
    },
    async (request) => service.projectApprovals(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/timesheets/:timesheetId/projects/:projectId/decision",
    {
      schema: {
        tags,
        summary: "Approve (fixes the rate: the person's plan resource in the project, else their cost per hour) or reject with a note (reopens the time)",
        params: ZTimesheetPartParams,
        body: ZDecideTimesheetPartRequest,
        response: { 200: ZTimesheetApproval, ...errors },
      },
    },
    async (request) => service.decide(requireActor(request), request.params.timesheetId, request.params.projectId, request.body),
  );

  app.get(
    "/projects/:id/actual-cost",
    {
      schema: {
        tags,
        summary: "Approved hours and their cost (actual cost) by week or month, by phase and by person; pending minutes await a decision",
        params: ZIdParams,
        querystring: ZActualCostQuery,
        response: { 200: ZActualCost, ...errors },
      },
    },
    async (request) => service.actualCost(requireActor(request), request.params.id, request.query.interval),
  );
};
