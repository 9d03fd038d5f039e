/**
 * Meetings of a project (`MTG-n`, docs/execution.md, "Meetings"): what kinds there are, their statuses and items,
 * and which are shared with the client unless the manager says otherwise.
 */

/**
 * `kickoff`: the project's start with the client. `weekly_status`: the team's (usually recurring) progress meeting.
 * `client_review`: a review of deliverables with the client. `ad_hoc`: anything else.
 */
export const MEETING_KINDS = ["kickoff", "weekly_status", "client_review", "ad_hoc"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** `scheduled` until it takes place (`held`, with minutes) or is called off (`cancelled`). */
export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What a meeting produces: decisions, and action items (which become plan tasks). */
export const MEETING_ITEM_KINDS = ["decision", "action"] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

/**
 * The meeting's key in its project.
 *
 * @example
 * meetingKey(7); // "MTG-7"
 */
export const meetingKey = (number: number): string => `MTG-${number}`;

/**
 * Whether a new meeting of `kind` is shared with the client: a client review is held with the client, so its
 * minutes are theirs too; the team's own meetings are not, until a manager shares one.
 */
export const meetingSharedByDefault = (kind: MeetingKind): boolean => kind === "client_review";
