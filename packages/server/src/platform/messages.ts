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
  gone: "This is no longer available.",
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
  // Requirements register and traceability
  "requirement.not_found": "Requirement not found.",
  "requirement.status.draft": "Draft",
  "requirement.status.in_analysis": "In analysis",
  "requirement.status.awaiting_client": "Awaiting client",
  "requirement.status.approved": "Approved",
  "requirement.status.baselined": "Baselined",
  "requirement.status.delivered": "Delivered",
  "requirement.status.accepted": "Accepted",
  "requirement.status.rejected": "Rejected",
  "requirement.status.deferred": "Deferred",
  "requirement.status.none": "none",
  "requirement.transition_not_allowed": "{key} cannot move from “{from}” to “{to}”. Allowed next: {allowed}.",
  "requirement.transition_reserved": "{key} cannot be moved to “{to}” by hand: the baseline, delivery and acceptance features set that status. Allowed next: {allowed}.",
  "requirement.transition_unchanged": "{key} is already “{to}”.",
  "requirement.reason_required": "Give a reason for rejecting or deferring.",
  "requirement.content_frozen": "{key} is “{status}”: its title, description, type and acceptance criteria change only through a change request.",
  "requirement.owner_not_staff": "The owner must be on this project's delivery team.",
  "requirement.contact_not_client": "Not a contact of this project's client.",
  "requirement.relation_self": "A requirement cannot be related to itself.",
  "requirement.relation_exists": "These requirements are already related this way.",
  "requirement.relation_cycle": "This would make a cycle: {cycle}.",
  "requirement.relation_other_project": "Both requirements must belong to the same project.",
  "requirement.already_refines": "{key} already refines {parent}; a requirement has one parent.",
  "requirement.relation_not_conflict": "Only conflicts are resolved.",
  "requirement.relation_not_found": "Relation not found.",
  "saved_view.not_found": "Saved view not found.",
  "saved_view.name_taken": "You already have a view with this name.",
  "trace.not_found": "Trace link not found.",
  "trace.type_unavailable": "Links to this kind of item are not available yet.",
  "trace.target_not_found": "Not found in this project.",
  "trace.requirement_upstream": "A requirement is the upstream end of a link: link from the task, test, deliverable or ticket to it (requirements relate to each other through relations).",
  "trace.link_exists": "This link already exists.",
  // Elicitation sessions and passages
  "session.not_found": "Session not found.",
  "session.participant_invalid": "Not on the project's team, nor a contact of the project's client.",
  "session.has_requirements": "Requirements were made from this session's notes; it cannot be deleted.",
  "passage.not_found": "Passage not found.",
  "passage.out_of_range": "The selection is outside the notes (they may have changed: reload and select again).",
  "passage.empty": "Select some text of the notes.",
  "passage.blank": "The selection holds only spaces.",
  "passage.splits_character": "The selection cuts a character in half.",
  "passage.has_requirements": "Requirements were made from this passage; it cannot be removed.",
  // Questionnaires
  "questionnaire.not_found": "Questionnaire not found.",
  "questionnaire.too_many_questions": "A questionnaire holds at most 500 questions.",
  "questionnaire.closes_before_opens": "The closing time must be after the opening time.",
  "questionnaire.duplicate_id": "This id is used twice.",
  "questionnaire.no_options": "Add at least one option.",
  "questionnaire.answered_question_removed": "This question has answers and cannot be removed.",
  "questionnaire.answered_kind_changed": "This question has answers; its type cannot change.",
  "questionnaire.picked_option_removed": "This option was chosen by respondents and cannot be removed.",
  "questionnaire.breaking_change": "This change would lose answers already given. Rewording, reordering and adding are fine.",
  "questionnaire.no_questions": "Add at least one question before publishing.",
  "questionnaire.no_audience": "Choose who answers: the client's contacts in the portal, a public link, or both.",
  "questionnaire.has_responses": "The questionnaire has responses: close it instead.",
  "questionnaire.anonymity_locked": "People have answered under the current anonymity setting; it can no longer change.",
  "questionnaire.not_open_yet": "This questionnaire is not open yet.",
  "questionnaire.closed": "This questionnaire is closed and no longer accepts answers.",
  "questionnaire.already_answered": "You have already answered this questionnaire.",
  "questionnaire.respondent_token_required": "This questionnaire takes one response per person: the page must send its respondent token.",
  "questionnaire.public_link_off": "Turn on the public link audience first.",
  "questionnaire.answer_not_found": "Answer not found.",
  "questionnaire.not_free_text": "Only free-text answers can become requirements.",
  "answer.required": "Please answer this question.",
  "answer.unknown_question": "This questionnaire has no such question.",
  "answer.wrong_type": "This answer does not fit the question.",
  "answer.unknown_option": "Choose one of the options offered.",
  "answer.duplicate_option": "An option is chosen twice.",
  "answer.not_integer": "Choose a whole number.",
  "answer.rating_range": "Choose from 1 to 5.",
  "answer.nps_range": "Choose from 0 to 10.",
  "answer.too_long": "At most 10,000 characters.",
  "export.response": "Response",
  "export.submitted_at": "Submitted at",
  "export.channel": "Channel",
  "export.respondent": "Respondent",
  "export.channel_portal": "Portal",
  "export.channel_public": "Public link",
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
  gone: "此内容已不可用。",
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
  "requirement.not_found": "未找到需求。",
  "requirement.status.draft": "草稿",
  "requirement.status.in_analysis": "分析中",
  "requirement.status.awaiting_client": "待客户确认",
  "requirement.status.approved": "已批准",
  "requirement.status.baselined": "已纳入基线",
  "requirement.status.delivered": "已交付",
  "requirement.status.accepted": "已验收",
  "requirement.status.rejected": "已拒绝",
  "requirement.status.deferred": "已推迟",
  "requirement.status.none": "无",
  "requirement.transition_not_allowed": "{key} 不能从“{from}”变更为“{to}”。可变更为：{allowed}。",
  "requirement.transition_reserved": "{key} 不能手动变更为“{to}”：该状态由基线、交付和验收功能设置。可变更为：{allowed}。",
  "requirement.transition_unchanged": "{key} 已经是“{to}”。",
  "requirement.reason_required": "拒绝或推迟时必须填写原因。",
  "requirement.content_frozen": "{key} 处于“{status}”状态：其标题、描述、类型和验收标准只能通过变更请求修改。",
  "requirement.owner_not_staff": "负责人必须是本项目交付团队的成员。",
  "requirement.contact_not_client": "此人不是本项目客户的联系人。",
  "requirement.relation_self": "需求不能与自身建立关系。",
  "requirement.relation_exists": "这两个需求之间已存在此关系。",
  "requirement.relation_cycle": "这会形成循环：{cycle}。",
  "requirement.relation_other_project": "两个需求必须属于同一个项目。",
  "requirement.already_refines": "{key} 已细化 {parent}；一个需求只能有一个上级需求。",
  "requirement.relation_not_conflict": "只有冲突关系可以标记为已解决。",
  "requirement.relation_not_found": "未找到该关系。",
  "saved_view.not_found": "未找到已保存的视图。",
  "saved_view.name_taken": "您已有同名视图。",
  "trace.not_found": "未找到该追溯链接。",
  "trace.type_unavailable": "暂不支持链接到此类条目。",
  "trace.target_not_found": "在本项目中未找到。",
  "trace.requirement_upstream": "需求是链接的上游端：请从任务、测试、交付物或工单链接到需求（需求之间请使用需求关系）。",
  "trace.link_exists": "该链接已存在。",
  "session.not_found": "未找到该会谈。",
  "session.participant_invalid": "此人既不是项目团队成员，也不是项目客户的联系人。",
  "session.has_requirements": "已有需求来自该会谈的记录，不能删除。",
  "passage.not_found": "未找到该段落。",
  "passage.out_of_range": "所选内容超出了记录范围（记录可能已被修改，请刷新后重新选择）。",
  "passage.empty": "请选择记录中的一段文字。",
  "passage.blank": "所选内容只有空白。",
  "passage.splits_character": "所选内容把一个字符截断了。",
  "passage.has_requirements": "已有需求来自该段落，不能删除。",
  "questionnaire.not_found": "未找到问卷。",
  "questionnaire.too_many_questions": "一份问卷最多 500 个问题。",
  "questionnaire.closes_before_opens": "截止时间必须晚于开始时间。",
  "questionnaire.duplicate_id": "此 ID 重复使用。",
  "questionnaire.no_options": "请至少添加一个选项。",
  "questionnaire.answered_question_removed": "此问题已有回答，不能删除。",
  "questionnaire.answered_kind_changed": "此问题已有回答，不能更改题型。",
  "questionnaire.picked_option_removed": "已有答卷选择了此选项，不能删除。",
  "questionnaire.breaking_change": "此修改会丢失已有的回答。可以修改措辞、调整顺序或新增内容。",
  "questionnaire.no_questions": "发布前请至少添加一个问题。",
  "questionnaire.no_audience": "请选择答卷人：门户中的客户联系人、公开链接，或两者皆可。",
  "questionnaire.has_responses": "问卷已有答卷，请改为关闭问卷。",
  "questionnaire.anonymity_locked": "已有人在当前的匿名设置下作答，此设置不能再更改。",
  "questionnaire.not_open_yet": "此问卷尚未开始。",
  "questionnaire.closed": "此问卷已关闭，不再接受回答。",
  "questionnaire.already_answered": "您已经填写过此问卷。",
  "questionnaire.respondent_token_required": "此问卷每人只能填写一次：页面必须提交答卷人标识。",
  "questionnaire.public_link_off": "请先开启公开链接。",
  "questionnaire.answer_not_found": "未找到该回答。",
  "questionnaire.not_free_text": "只有文字回答可以转为需求。",
  "answer.required": "请回答此问题。",
  "answer.unknown_question": "此问卷没有这个问题。",
  "answer.wrong_type": "回答与问题不符。",
  "answer.unknown_option": "请从给出的选项中选择。",
  "answer.duplicate_option": "同一选项被选了两次。",
  "answer.not_integer": "请选择整数。",
  "answer.rating_range": "请在 1 到 5 之间选择。",
  "answer.nps_range": "请在 0 到 10 之间选择。",
  "answer.too_long": "最多 10,000 个字符。",
  "export.response": "答卷",
  "export.submitted_at": "提交时间",
  "export.channel": "渠道",
  "export.respondent": "答卷人",
  "export.channel_portal": "门户",
  "export.channel_public": "公开链接",
};

export const MESSAGES: Record<TLocale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * A message parameter that is itself a message, said in the caller's language (a status name, say); a list of them
 * is joined the way the language lists things. Services cannot know the request's language; the error edge can.
 */
export type LocalisedParam = { readonly localise: MessageKey };
export const localisedParam = (key: MessageKey): LocalisedParam => ({ localise: key });

function isLocalisedParam(value: unknown): value is LocalisedParam {
  return typeof value === "object" && value !== null && "localise" in value && isMessageKey(String((value as LocalisedParam).localise));
}

function paramText(locale: TLocale, value: unknown): string {
  if (isLocalisedParam(value)) return MESSAGES[locale][value.localise];
  if (Array.isArray(value) && value.every(isLocalisedParam)) return value.map((v) => MESSAGES[locale][v.localise]).join(locale === "zh-CN" ? "、" : ", ");
  return String(value);
}

/**
 * `translate("zh-CN", "payload_too_large", { limitMb: 25 })` → "文件过大（最大 25 MB）。"
 * `translate("en", "requirement.transition_unchanged", { key: "REQ-1", to: localisedParam("requirement.status.draft") })` → "REQ-1 is already “Draft”."
 */
export function translate(locale: TLocale, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined || params[name] === null ? `{${name}}` : paramText(locale, params[name])));
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
