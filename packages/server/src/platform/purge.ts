/**
 * Housekeeping behind `jiaofu purge`: what the app ignores but never deletes by itself.
 *
 * - Expired sessions: refused on sight, deleted here (and at every server start).
 * - Password reset tokens that were used or ran out.
 * - The bytes of attachments removed more than N days ago. Removing an attachment in the app is soft (its row gets
 *   `deleted_at`, the file stays for history and backups, docs/decisions/0005-attachments.md); purge erases the
 *   file. The row stays: it is small, the audit history of the entity it hung off finds its entries through it, and
 *   without a file it can never be served again. So a purged attachment is one removed before the cut-off whose
 *   file is gone, and purging again finds nothing left to do.
 */
import type { Db } from "../db/database";
import { SILENT_PROGRESS, type Progress } from "../db/backup-format";
import { createAttachmentFiles } from "../modules/attachments/attachments.files";
import { createAttachmentsRepository } from "../modules/attachments/attachments.repository";
import { createAuthRepository } from "../modules/auth/auth.repository";

export const DEFAULT_PURGE_OLDER_THAN_DAYS = 30;

export type PurgeOptions = {
  now: Date;
  /** Erase the files of attachments removed at least this many days before `now`. */
  olderThanDays: number;
  /** Count what would go, change nothing. */
  dryRun: boolean;
  attachmentsDir: string;
  progress?: Progress;
};

export type PurgeSummary = {
  dryRun: boolean;
  /** Attachments removed at or before this instant had their files erased. */
  cutoff: Date;
  expiredSessions: number;
  deadPasswordResets: number;
  /** Files erased (or, in a dry run, that would be). */
  attachmentFiles: number;
  attachmentBytes: number;
};

export async function purgeExpiredData(db: Db, options: PurgeOptions): Promise<PurgeSummary> {
  const { now, dryRun } = options;
  const progress = options.progress ?? SILENT_PROGRESS;
  const auth = createAuthRepository(db);
  const attachmentRows = createAttachmentsRepository(db);
  const files = createAttachmentFiles(options.attachmentsDir);
  const cutoff = new Date(now.getTime() - options.olderThanDays * 86_400_000);

  const expiredSessions = await auth.deleteExpiredSessions(now, { dryRun });
  const deadPasswordResets = await auth.deleteDeadPasswordResets(now, { dryRun });

  const removed = await attachmentRows.listDeletedBefore(cutoff);
  let attachmentFiles = 0;
  let attachmentBytes = 0;
  progress.begin(dryRun ? "Checking files" : "Erasing files", removed.length, "files");
  for (const row of removed) {
    const size = await files.sizeOf(row.storageKey);
    if (size !== undefined && (dryRun || (await files.remove(row.storageKey)))) {
      attachmentFiles += 1;
      attachmentBytes += size;
    }
    progress.advance(1);
  }
  progress.end();

  return { dryRun, cutoff, expiredSessions, deadPasswordResets, attachmentFiles, attachmentBytes };
}
