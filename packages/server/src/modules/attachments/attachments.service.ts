import type { Readable } from "node:stream";
import type { TEntityType } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Config } from "../../config";
import { attachmentsDir } from "../../db/open-from-config";
import { AppError, fieldError, forbidden, notFound } from "../../platform/app-error";
import { requireEntityScope, toEntityType } from "../../platform/entity-scope";
import { canRemoveAttachment, type Actor } from "../../platform/policy";
import { cleanFileName, createAttachmentFiles, decideContentType, type ReceivedFile } from "./attachments.files";
import { createAttachmentsRepository } from "./attachments.repository";
import { presentAttachment } from "./attachments.presenter";

/** One file part of a multipart request, as `@fastify/multipart` hands it over. */
export type IncomingFile = { fieldname: string; filename: string; file: Readable & { truncated?: boolean } };

export function createAttachmentsService(deps: AppDeps, config: Config) {
  const repo = createAttachmentsRepository(deps.db);
  const files = createAttachmentFiles(attachmentsDir(config));
  const tooLarge = () => new AppError("payload_too_large", "payload_too_large", { limitMb: config.JIAOFU_MAX_UPLOAD_MB });

  async function loadAttachment(actor: Actor, id: string) {
    const row = await repo.get(actor.workspaceId, id);
    if (!row) throw notFound("attachment.not_found");
    return row;
  }

  /** Receives, checks and commits the bytes; the caller inserts the row or discards the file. */
  async function store(part: IncomingFile): Promise<{ received: ReceivedFile; contentType: string }> {
    const received = await files.receive(part.file, deps.now());
    try {
      if (received.truncated) throw tooLarge();
      if (received.size === 0) throw fieldError("body.file", "attachment.empty");
      const decision = decideContentType(await files.sniff(received), received.isText, cleanFileName(part.filename));
      if (!decision.accepted) throw new AppError("unsupported_media_type", "attachment.executable");
      await files.commit(received);
      return { received, contentType: decision.contentType };
    } catch (error) {
      await files.discard(received);
      throw error;
    }
  }

  return {
    /** The files on an entity, newest first. */
    listAttachments: async (actor: Actor, entityType: TEntityType, entityId: string) => {
      await requireEntityScope(deps.db, actor, entityType, entityId, "read");
      const rows = await repo.listForEntity(actor.workspaceId, entityType, entityId);
      return { items: rows.map(presentAttachment) };
    },

    /**
     * Authorises first, and only then reads the upload (`readFile`), so a refused caller's bytes never reach disk.
     * The file is written under a temporary name, checked, renamed, then recorded; if recording fails it is removed.
     */
    uploadAttachment: async (actor: Actor, entityType: TEntityType, entityId: string, readFile: () => Promise<IncomingFile | undefined>) => {
      const scope = await requireEntityScope(deps.db, actor, entityType, entityId, "attach");
      const part = await readFile();
      if (!part || part.fieldname !== "file") {
        part?.file.resume();
        throw fieldError("body.file", "attachment.missing");
      }
      const { received, contentType } = await store(part);
      let id: string;
      try {
        const row = await repo.create(
          actor,
          scope,
          { fileName: cleanFileName(part.filename), contentType, size: received.size, sha256: received.sha256, storageKey: received.storageKey },
          deps.now(),
        );
        id = row.id;
      } catch (error) {
        await files.discard(received);
        throw error;
      }
      return presentAttachment(await loadAttachment(actor, id));
    },

    /** A file to download, if the actor may read the entity it hangs off. */
    openAttachment: async (actor: Actor, id: string) => {
      const row = await loadAttachment(actor, id);
      await requireEntityScope(deps.db, actor, toEntityType(row.entityType), row.entityId, "read");
      const size = await files.sizeOf(row.storageKey);
      if (size === undefined) throw notFound("attachment.not_found");
      return { attachment: row, size, open: () => files.open(row.storageKey) };
    },

    /** The uploader, the project's manager (for files inside a project) or an admin. */
    deleteAttachment: async (actor: Actor, id: string) => {
      const row = await loadAttachment(actor, id);
      const scope = await requireEntityScope(deps.db, actor, toEntityType(row.entityType), row.entityId, "read");
      if (!canRemoveAttachment(actor, row.uploaderId, scope.projectFacts)) throw forbidden();
      if (!(await repo.softDelete(actor, scope, id, deps.now()))) throw notFound("attachment.not_found");
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
