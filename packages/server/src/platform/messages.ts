/**
 * Server-side user messages in both languages. Keys are error codes, validation message keys raised by the
 * contracts (`code_format`, `end_before_start`) and domain keys (`client.name_taken`, …).
 * A test keeps the two catalogues in step.
 */
import type { TLocale } from "@jiaofu/contracts";

const en = {
  validation_failed: "Some fields are not valid.",
  unauthenticated: "Please sign in.",
  invalid_credentials: "The email or password is not correct.",
  rate_limited: "Too many attempts. Try again in {seconds} seconds.",
  csrf_failed: "The request could not be verified. Reload the page and try again.",
  forbidden: "You do not have permission to do this.",
  not_found: "Not found.",
  version_conflict: "Someone else changed this in the meantime. Reload to see their change, then try again.",
  conflict: "This conflicts with existing data.",
  payload_too_large: "The file is too large (at most {limitMb} MB).",
  unsupported_media_type: "This type of file is not accepted.",
  invalid_token: "The token is not valid or has expired.",
  internal: "Something went wrong on our side. Please try again.",
  // Field-level validation
  "field.required": "Required.",
  "field.invalid": "Not valid.",
  "field.too_short": "Too short (at least {minimum}).",
  "field.too_long": "Too long (at most {maximum}).",
  "field.too_small": "Must be at least {minimum}.",
  "field.too_small_exclusive": "Must be greater than {minimum}.",
  "field.too_big": "Must be at most {maximum}.",
  "field.too_big_exclusive": "Must be less than {maximum}.",
  "field.invalid_email": "Not a valid email address.",
  "field.invalid_uuid": "Not a valid id.",
  "field.invalid_date": "Not a valid date (YYYY-MM-DD).",
  "field.invalid_option": "Must be one of: {options}.",
  "field.unknown": "Unknown field.",
  code_format: "Use capital letters, digits and hyphens, starting with a letter (e.g. ACME-IM).",
  end_before_start: "The end date is before the start date.",
  // Domain
  "client.name_taken": "A client with this name already exists.",
  "client.not_found": "Client not found.",
  "project.code_taken": "A project with this code already exists.",
  "project.not_found": "Project not found.",
  "project.manager_not_staff": "The manager must be a member of the delivery team.",
  "member.client_mismatch": "A client contact can only join projects of their own organisation.",
  "member.client_role_only": "A client contact can only have the client role on a project.",
  "member.staff_not_client_role": "Only client contacts can have the client role.",
  "member.already": "This person is already a member of the project.",
  "member.last_manager": "A project needs at least one manager.",
  "user.email_taken": "An account with this email already exists.",
  "user.client_required": "A client contact must belong to a client organisation.",
  "user.client_forbidden": "Only client contacts belong to a client organisation.",
  "user.cannot_demote_self": "You cannot change your own role.",
  "user.cannot_deactivate_self": "You cannot deactivate your own account.",
  "user.not_found": "Person not found.",
  "user.role_change_kind": "A client contact cannot become delivery staff, nor staff a client contact: create a new account instead.",
  "member.not_found": "This person is not a member of the project.",
  "user.wrong_password": "The current password is not correct.",
  "reset.sent": "If the address has an account, we sent a reset link.",
  "reset.invalid": "This reset link is not valid or has expired.",
  "attachment.empty": "The file is empty.",
  "attachment.missing": "No file was sent.",
  "attachment.not_found": "File not found.",
  "attachment.executable": "Programs and scripts (.exe, .bat, .ps1 …) are not accepted as attachments.",
  "comment.not_found": "Comment not found.",
} as const;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  validation_failed: "部分字段无效。",
  unauthenticated: "请先登录。",
  invalid_credentials: "邮箱或密码不正确。",
  rate_limited: "尝试次数过多，请在 {seconds} 秒后再试。",
  csrf_failed: "无法验证该请求，请刷新页面后重试。",
  forbidden: "您没有执行此操作的权限。",
  not_found: "未找到。",
  version_conflict: "其他人已修改了此内容。请刷新查看他们的修改后再试。",
  conflict: "与现有数据冲突。",
  payload_too_large: "文件过大（最大 {limitMb} MB）。",
  unsupported_media_type: "不接受此类型的文件。",
  invalid_token: "令牌无效或已过期。",
  internal: "服务器出现问题，请重试。",
  "field.required": "必填。",
  "field.invalid": "无效。",
  "field.too_short": "太短（至少 {minimum}）。",
  "field.too_long": "太长（最多 {maximum}）。",
  "field.too_small": "不能小于 {minimum}。",
  "field.too_small_exclusive": "必须大于 {minimum}。",
  "field.too_big": "不能大于 {maximum}。",
  "field.too_big_exclusive": "必须小于 {maximum}。",
  "field.invalid_email": "邮箱地址无效。",
  "field.invalid_uuid": "ID 无效。",
  "field.invalid_date": "日期无效（YYYY-MM-DD）。",
  "field.invalid_option": "必须是以下之一：{options}。",
  "field.unknown": "未知字段。",
  code_format: "请使用大写字母、数字和连字符，并以字母开头（例如 ACME-IM）。",
  end_before_start: "结束日期早于开始日期。",
  "client.name_taken": "已存在同名客户。",
  "client.not_found": "未找到客户。",
  "project.code_taken": "已存在相同编号的项目。",
  "project.not_found": "未找到项目。",
  "project.manager_not_staff": "项目经理必须是交付团队成员。",
  "member.client_mismatch": "客户联系人只能加入其所属组织的项目。",
  "member.client_role_only": "客户联系人在项目中只能担任客户角色。",
  "member.staff_not_client_role": "只有客户联系人可以担任客户角色。",
  "member.already": "此人已是项目成员。",
  "member.last_manager": "项目至少需要一名项目经理。",
  "user.email_taken": "该邮箱已被注册。",
  "user.client_required": "客户联系人必须属于一个客户组织。",
  "user.client_forbidden": "只有客户联系人才属于客户组织。",
  "user.cannot_demote_self": "不能修改自己的角色。",
  "user.cannot_deactivate_self": "不能停用自己的账号。",
  "user.not_found": "未找到该人员。",
  "user.role_change_kind": "客户联系人不能改为交付团队成员，团队成员也不能改为客户联系人；请新建账号。",
  "member.not_found": "此人不是项目成员。",
  "user.wrong_password": "当前密码不正确。",
  "reset.sent": "如果该邮箱已注册，我们已发送重置链接。",
  "reset.invalid": "此重置链接无效或已过期。",
  "attachment.empty": "文件为空。",
  "attachment.missing": "未收到文件。",
  "attachment.not_found": "未找到附件。",
  "attachment.executable": "不接受程序和脚本文件（.exe、.bat、.ps1 等）作为附件。",
  "comment.not_found": "未找到评论。",
};

export const MESSAGES: Record<TLocale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** `translate("zh-CN", "payload_too_large", { limitMb: 25 })` → "文件过大（最大 25 MB）。" */
export function translate(locale: TLocale, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks zh-CN or en from an Accept-Language header; zh-* → zh-CN, everything else → en. */
export function localeFromAcceptLanguage(header: string | undefined, fallback: TLocale): TLocale {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return fallback;
}
