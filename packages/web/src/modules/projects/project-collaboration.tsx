import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { Card } from "../../ui";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { isAdmin } from "../auth/session";
import type { ProjectPermissions } from "./project-permissions";

export type ProjectCollaborationProps = { project: TProject; me: TMe; can: ProjectPermissions };

/** The project's discussion and shared files, side by side on wide screens. */
export function ProjectCollaboration({ project, me, can }: ProjectCollaborationProps) {
  const { t } = useTranslation();
  return (
    <div className="collab-grid">
      <Card title={t("comments.title")} className="collab-comments">
        <CommentsPanel entityType="project" entityId={project.id} canComment={can.comment} meId={me.id} canModerate={isAdmin(me)} />
      </Card>
      <Card title={t("attachments.title")} className="collab-files">
        <AttachmentsPanel
          entityType="project"
          entityId={project.id}
          canUpload={can.attach}
          canDelete={(attachment) => attachment.uploaderId === me.id || can.manage}
        />
      </Card>
    </div>
  );
}
