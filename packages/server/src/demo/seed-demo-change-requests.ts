/**
 * The demo's change request (docs/requirements.md, "Change requests"): after BL-1, the client's security team asked
 * for a second factor and for single sign-on to cover the mobile app. The team drafted CR-1 and submitted it; the
 * project manager approved it, so it waits for the client contact's decision in the portal. Written through the
 * change requests repository, so keys, items and audit rows are what the module writes.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { requirements } from "../db/schema";
import { createChangeRequestsRepository } from "../modules/change-requests/change-requests.repository";
import type { Actor } from "../platform/policy";

type ChangeRequestText = {
  title: string;
  description: string;
  reason: string;
  managerComment: string;
  added: { title: string; description: string; criteria: string[] };
  /** Appended to the first baselined requirement's description, with one more criterion. */
  modified: { descriptionAddition: string; criterion: string };
};

const TEXT: Record<TLocale, ChangeRequestText> = {
  "zh-CN": {
    title: "管理员双因素认证，单点登录覆盖移动端",
    description: "客户安全部在渗透测试后提出两项变更：\n\n- 管理员登录增加**双因素认证**；\n- 单点登录同样适用于移动端应用。",
    reason: "集团信息安全规范 2.3 版要求所有管理账号启用双因素认证；移动端上线在即。",
    managerComment: "工作量已与团队确认，可在二期第一个迭代完成。",
    added: {
      title: "管理员双因素认证",
      description: "管理员登录后台时，除密码外还需输入动态验证码（企业微信或短信）。",
      criteria: ["未输入验证码的管理员无法进入后台", "验证码 5 分钟后失效"],
    },
    modified: { descriptionAddition: "\n\n移动端应用同样通过集团 ADFS 登录。", criterion: "移动端应用通过 ADFS 登录" },
  },
  en: {
    title: "Two-factor sign-in for administrators; single sign-on on mobile",
    description: "After the penetration test, the client's security team asked for two changes:\n\n- a **second factor** when administrators sign in;\n- single sign-on for the mobile app as well.",
    reason: "Version 2.3 of the group's security policy requires two factors on every administrative account; the mobile app launches soon.",
    managerComment: "Effort checked with the team: it fits in the first iteration of phase 2.",
    added: {
      title: "Two-factor sign-in for administrators",
      description: "Administrators enter a one-time code (WeCom or SMS) as well as their password to open the console.",
      criteria: ["An administrator without the code cannot open the console", "A code expires after 5 minutes"],
    },
    modified: { descriptionAddition: "\n\nThe mobile app signs in through the group's ADFS too.", criterion: "The mobile app signs in through ADFS" },
  },
};

/** Drafts, submits and approves (as the manager) CR-1 of the demo project, from `at` on; it then awaits the client. */
export async function seedDemoChangeRequest(tx: Tx, pm: Actor, projectId: string, at: (days: number, hour?: number) => Date): Promise<void> {
  const text = TEXT[pm.locale];
  const [target] = await tx
    .select()
    .from(requirements)
    .where(and(eq(requirements.projectId, projectId), eq(requirements.status, "baselined")))
    .orderBy(asc(requirements.number))
    .limit(1);
  if (!target) throw new Error("the demo's change request needs a baselined requirement");
  const criteria = (items: string[]) => items.map((t) => ({ id: randomUUID(), text: t }));
  const repo = createChangeRequestsRepository(tx);
  const draft = await repo.create(
    pm,
    projectId,
    { title: text.title, description: text.description, reason: text.reason, impactEffortHours: 64, impactDays: 6, impactCost: 38400, currency: "CNY" },
    [
      { action: "add", requirementId: null, proposed: { title: text.added.title, description: text.added.description, type: "security", acceptanceCriteria: criteria(text.added.criteria), moscow: "must" } },
      {
        action: "modify",
        requirementId: target.id,
        proposed: {
          title: target.title,
          description: `${target.description}${text.modified.descriptionAddition}`,
          type: target.type,
          acceptanceCriteria: [...target.acceptanceCriteria, ...criteria([text.modified.criterion])],
          moscow: target.moscow,
        },
      },
    ],
    at(-3, 10),
  );
  const submitted = await repo.update(pm, draft, draft.version, { status: "submitted" }, "submit", at(-2, 9));
  if (!submitted) throw new Error("the demo's change request could not be submitted");
  const decidedAt = at(-2, 16);
  const decided = await repo.update(
    pm,
    submitted,
    submitted.version,
    { managerDecision: "approved", managerDecidedById: pm.userId, managerDecidedAt: decidedAt, managerComment: text.managerComment },
    "decide.manager",
    decidedAt,
  );
  if (!decided) throw new Error("the demo's change request could not be decided");
}
