import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  ZCreateMeetingItemRequest,
  ZCreateMeetingRequest,
  ZErrorResponse,
  ZIdParams,
  ZMeeting,
  ZCalendarFeed,
  ZCalendarFeedCreated,
  ZMeetingFeedTokenParams,
  ZMeetingItem,
  ZMeetingList,
  ZMeetingListQuery,
  ZOpenMeetingOccurrenceRequest,
  ZUpdateMeetingItemRequest,
  ZUpdateMeetingRequest,
  ZVersionQuery,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { attachmentDispositionHeader } from "../../platform/spreadsheet-export";
import { createMeetingsService } from "./meetings.service";

const tags = ["meetings"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Meetings (docs/execution.md, "Meetings"). Who may do what: `canMeetings` / `canMeeting` in policy.ts. */
export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createMeetingsService(app.deps, app.config);

  app.get(
    "/projects/:id/meetings",
    {
      schema: {
        tags,
        summary: "The project's meetings starting in a range, recurring series expanded, and the series with their next occurrences (client contacts: the shared ones)",
        params: ZIdParams,
        querystring: ZMeetingListQuery,
        response: { 200: ZMeetingList, ...errors },
      },
    },
    async (request) => service.list(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/meetings",
    {
      schema: {
        tags,
        summary: "Plan a meeting (key MTG-n); the agenda defaults to the kind's template, client reviews are shared with the client",
        params: ZIdParams,
        body: ZCreateMeetingRequest,
        response: { 201: ZMeeting, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(requireActor(request), request.params.id, request.body, request.locale)),
  );

  app.get(
    "/meetings/:id",
    { schema: { tags, summary: "A meeting with its attendees, agenda, minutes, decisions and action items", params: ZIdParams, response: { 200: ZMeeting, ...errors } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      schema: {
        tags,
        summary: "Edit a meeting (send the version you read): details, agenda, minutes, status (held, cancelled), attendees and attendance, sharing (managers)",
        params: ZIdParams,
        body: ZUpdateMeetingRequest,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/meetings/:id/occurrences",
    {
      schema: {
        tags,
        summary: "Give an occurrence of a recurring meeting its own meeting, to hold it (201); opened before: that meeting (200)",
        params: ZIdParams,
        body: ZOpenMeetingOccurrenceRequest,
        response: { 200: ZMeeting, 201: ZMeeting, ...errors },
      },
    },
    async (request, reply) => {
      const { created, meeting } = await service.openOccurrence(requireActor(request), request.params.id, request.body.occurrenceStart);
      return reply.status(created ? 201 : 200).send(meeting);
    },
  );

  app.post(
    "/meetings/:id/items",
    {
      schema: { tags, summary: "Record a decision or an action item (with owner and due date)", params: ZIdParams, body: ZCreateMeetingItemRequest, response: { 201: ZMeetingItem, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await service.addItem(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/meeting-items/:id",
    {
      schema: { tags, summary: "Edit a decision or an action item (send the version you read)", params: ZIdParams, body: ZUpdateMeetingItemRequest, response: { 200: ZMeetingItem, ...errors } },
    },
    async (request) => service.updateItem(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/meeting-items/:id",
    {
      schema: { tags, summary: "Remove a decision or an action item (its task, if any, stays in the plan)", params: ZIdParams, querystring: ZVersionQuery, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await service.removeItem(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/meeting-items/:id/task",
    {
      schema: {
        tags,
        summary: "Make an action item a plan task (owner, assignee, due date as deadline; the plan is rescheduled): 201; made before: 200 with the same task",
        params: ZIdParams,
        response: { 200: ZMeetingItem, 201: ZMeetingItem, ...errors },
      },
    },
    async (request, reply) => {
      const { created, item } = await service.createTask(requireActor(request), request.params.id, request.locale);
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.get(
    "/meetings/:id/ics",
    {
      schema: {
        tags,
        summary: "The meeting as an iCalendar invitation (METHOD:REQUEST; a series with its RRULE and opened occurrences)",
        params: ZIdParams,
        produces: ["text/calendar"],
        response: { 200: z.string().meta({ description: "iCalendar (RFC 5545)" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, filename } = await service.invitation(requireActor(request), request.params.id, originOf(request));
      return reply
        .header("content-type", "text/calendar; charset=utf-8; method=REQUEST")
        .header("content-disposition", attachmentDispositionHeader(filename, filename))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/projects/:id/meetings/feed",
    { schema: { tags, summary: "Whether you have a meeting calendar feed of this project, made and last fetched when", params: ZIdParams, response: { 200: ZCalendarFeed, ...errors } } },
    async (request) => service.getFeed(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/meetings/feed",
    {
      schema: { tags, summary: "Make (or replace) your meeting calendar feed; its address is shown this once", params: ZIdParams, response: { 201: ZCalendarFeedCreated, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await service.createFeed(requireActor(request), request.params.id, originOf(request))),
  );

  app.delete(
    "/projects/:id/meetings/feed",
    { schema: { tags, summary: "Revoke your meeting calendar feed (its address stops working)", params: ZIdParams, response: { 204: z.null().meta({ description: "Revoked" }), ...errors } } },
    async (request, reply) => {
      await service.revokeFeed(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

/** Fetches per client address and minute: a calendar app polls every few hours; this is for misuse. */
const FEED_RATE_LIMIT = 120;

/**
 * The meeting feed itself: no session, the token in the URL is the only key (calendar apps cannot sign in); 404 for
 * an unknown or revoked token, and for a person no longer on the project. A contact's feed holds the shared meetings.
 */
export const meetingFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createMeetingsService(app.deps, app.config);
  app.get(
    "/feeds/meetings/:token.ics",
    {
      schema: {
        tags,
        summary: "A project's meetings as an iCalendar feed (subscribe in Outlook, Google or Apple Calendar)",
        security: [],
        params: ZMeetingFeedTokenParams,
        produces: ["text/calendar"],
        response: { 200: z.string().meta({ description: "iCalendar (RFC 5545)" }), 400: ZErrorResponse, 404: ZErrorResponse, 429: ZErrorResponse },
      },
      config: { rateLimit: { max: FEED_RATE_LIMIT, timeWindow: "1 minute", keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => {
      const body = await service.feedCalendar(request.params.token, originOf(request));
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="meetings.ics"')
        .header("cache-control", "private, max-age=300")
        .header("referrer-policy", "no-referrer")
        .send(body);
    },
  );
};
