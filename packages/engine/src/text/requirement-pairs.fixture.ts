/**
 * The labelled TUNING set of the requirement finder: requirement pairs written by hand for an IM + AI chat cloud
 * rollout to an enterprise (SSO, data residency, archiving, retention, AI assistant and knowledge base, mobile,
 * performance, availability, audit, export, roles, notifications) and for other domains (ERP, helpdesk,
 * e-commerce), so the method is not tuned to one domain. The pairs were written before the finder existed; the
 * finder's thresholds were tuned on them. `requirement-pairs.holdout.fixture.ts` is the second set, written after
 * tuning ended and never tuned on.
 *
 * Labels follow the rules documented in packages/engine/README.md ("Requirement finder"):
 * - `conflict`: the same subject with incompatible constraints — values that cannot both hold (two targets that
 *   differ, a target outside a bound, a lower bound above an upper bound, a date after a deadline), opposite
 *   polarity (allowed vs forbidden, encrypted vs plaintext, offline vs permanently online), or exclusive
 *   alternatives (SSO only vs local accounts, on-premise vs public cloud) on the same subject;
 * - `duplicate`: the same requirement said twice, including a pair where one bound implies the other (two lower
 *   bounds, two upper bounds: the stricter makes the other redundant) and complementary phrasings ("can within 2
 *   minutes" vs "cannot after 2 minutes");
 * - `unrelated`: anything else, including hard negatives: the same subject for different roles, platforms or
 *   environments, two capabilities that coexist ("supports SSO" and "supports local accounts"), related topics.
 */
export type RequirementPairLabel = "duplicate" | "conflict" | "unrelated";

export type LabelledRequirementPair = {
  readonly a: string;
  readonly b: string;
  readonly label: RequirementPairLabel;
  /** Language of the pair: both Chinese, both English, or one of each. */
  readonly lang: "zh" | "en" | "mixed";
  /** Why the label, when it is not obvious. */
  readonly note?: string;
};

export const REQUIREMENT_PAIRS: readonly LabelledRequirementPair[] = [
  // ── English: duplicates ──────────────────────────────────────────────────────────────────────────────────
  { lang: "en", label: "duplicate", a: "Users must be able to sign in with the company's single sign-on.", b: "The platform shall support SSO login using the corporate identity provider." },
  { lang: "en", label: "duplicate", a: "Chat history must be exportable by administrators.", b: "Administrators can export the chat history." },
  { lang: "en", label: "duplicate", a: "The system shall support 500 concurrent users.", b: "At least 500 users must be able to use the system simultaneously." },
  { lang: "en", label: "duplicate", a: "Search results must be returned within 2 seconds.", b: "Search response time shall not exceed 2 s." },
  { lang: "en", label: "duplicate", a: "All messages shall be encrypted in transit and at rest.", b: "Messages must be encrypted both at rest and in transit." },
  { lang: "en", label: "duplicate", a: "The AI assistant must cite the knowledge base articles it used in its answer.", b: "Answers from the AI assistant shall include references to the source documents in the knowledge base." },
  { lang: "en", label: "duplicate", a: "Users receive a push notification on their phone when they are mentioned in a group chat.", b: "When someone mentions a user in a group chat, the mobile app sends that user a push notification." },
  { lang: "en", label: "duplicate", a: "Every administrative action is written to an audit log.", b: "The system shall record all admin operations in the audit trail." },
  { lang: "en", label: "duplicate", a: "The service must be available 99.9% of the time each month.", b: "Monthly availability shall be at least 99.9%." },
  { lang: "en", label: "duplicate", a: "Support agents can see the customer's previous tickets when handling a new one.", b: "When working on a ticket, the agent shall see the customer's ticket history." },
  { lang: "en", label: "duplicate", a: "Customers can track the delivery status of their orders.", b: "The shop lets customers follow the shipping status of each order." },
  { lang: "en", label: "duplicate", a: "Purchase orders above 50,000 CNY require approval by the finance manager.", b: "Any purchase order over 50000 yuan must be approved by the finance manager." },
  { lang: "en", label: "duplicate", a: "Users can recall a sent message within 2 minutes.", b: "A message can be recalled by its sender up to two minutes after sending." },
  { lang: "en", label: "duplicate", a: "The order confirmation email is sent within 5 minutes.", b: "Order confirmation emails go out within five minutes of purchase." },
  { lang: "en", label: "duplicate", a: "The platform must handle at least 500 concurrent users.", b: "The platform must handle at least 300 concurrent users.", note: "two lower bounds: ≥ 500 implies ≥ 300, redundant, not a conflict" },
  { lang: "en", label: "duplicate", a: "Refunds are processed within 3 business days.", b: "Refunds are processed within 14 days.", note: "two upper bounds: the stricter implies the other" },
  { lang: "en", label: "duplicate", a: "Messages can be recalled within 2 minutes.", b: "Messages cannot be recalled after 2 minutes.", note: "complementary phrasings of one rule" },

  // ── English: conflicts ───────────────────────────────────────────────────────────────────────────────────
  { lang: "en", label: "conflict", a: "The platform must handle 500 concurrent users.", b: "The platform must handle 5,000 concurrent users." },
  { lang: "en", label: "conflict", a: "Users must log in through the client's SSO.", b: "Login is with local accounts only." },
  { lang: "en", label: "conflict", a: "The mobile app must support offline mode.", b: "The mobile app requires a permanent internet connection." },
  { lang: "en", label: "conflict", a: "Administrators may export chat history.", b: "Exporting chat history is forbidden." },
  { lang: "en", label: "conflict", a: "All customer data must be hosted on-premise in the client's data center.", b: "Customer data will be stored in the vendor's public cloud." },
  { lang: "en", label: "conflict", a: "Chat messages are retained for 7 years for compliance.", b: "Chat messages are deleted automatically after 90 days." },
  { lang: "en", label: "conflict", a: "Passwords must be stored encrypted.", b: "Passwords are stored in plain text so support can read them." },
  { lang: "en", label: "conflict", a: "The web page must load within 3 seconds.", b: "Page load time may be up to 10 seconds." },
  { lang: "en", label: "conflict", a: "Questionnaire responses are anonymous.", b: "Questionnaire responses must show the respondent's name.", note: "hard: 'show the name' means not anonymous" },
  { lang: "en", label: "conflict", a: "The AI assistant may answer using public internet sources.", b: "The AI assistant must answer only from the company knowledge base.", note: "hard: exclusive source with no lexicon pair" },
  { lang: "en", label: "conflict", a: "The user interface is available in English only.", b: "The user interface must be provided in Simplified Chinese." },
  { lang: "en", label: "conflict", a: "Backups run every night.", b: "Backups are taken once a week." },
  { lang: "en", label: "conflict", a: "Only administrators can create group chats.", b: "Any user can create a group chat." },
  { lang: "en", label: "conflict", a: "Tickets must get a first response within 4 hours.", b: "The first response time for tickets is 24 hours." },
  { lang: "en", label: "conflict", a: "The go-live date is 30 June 2025.", b: "The system goes live in September 2025." },
  { lang: "en", label: "conflict", a: "The knowledge base is visible to all employees.", b: "The knowledge base must be hidden from employees." },
  { lang: "en", label: "conflict", a: "Guests have read-only access to group chats.", b: "Guests can edit messages in group chats." },
  { lang: "en", label: "conflict", a: "Two-factor authentication is mandatory for all users.", b: "Two-factor authentication is optional for users." },
  { lang: "en", label: "conflict", a: "The ERP must integrate with the existing SAP system.", b: "The ERP must replace the existing SAP system.", note: "hard: integrate vs replace, no lexicon pair" },
  { lang: "en", label: "conflict", a: "The maximum group chat size is 500 members.", b: "Group chats must support up to 2,000 members." },
  { lang: "en", label: "conflict", a: "The attachment size limit is 100 MB.", b: "Users must be able to send files of up to 2 GB." },
  { lang: "en", label: "conflict", a: "Push notifications are disabled by default.", b: "Push notifications are enabled by default." },
  { lang: "en", label: "conflict", a: "The AI assistant must not store conversation content.", b: "The AI assistant keeps the conversation history for 30 days to improve its answers." },

  // ── English: unrelated, including hard negatives ─────────────────────────────────────────────────────────
  { lang: "en", label: "unrelated", a: "Administrators can export chat history.", b: "Regular users cannot export chat history.", note: "same subject, different roles: consistent" },
  { lang: "en", label: "unrelated", a: "Users can export their chat history as PDF.", b: "Users can export the contact list as CSV." },
  { lang: "en", label: "unrelated", a: "The system supports SSO login.", b: "The system supports local account login for external guests.", note: "two capabilities coexist" },
  { lang: "en", label: "unrelated", a: "The search response time must be under 1 second.", b: "Report generation must complete within 30 seconds." },
  { lang: "en", label: "unrelated", a: "Audit logs are kept for 1 year.", b: "Chat messages are kept for 7 years." },
  { lang: "en", label: "unrelated", a: "The mobile app supports iOS and Android.", b: "The desktop client runs on Windows and macOS." },
  { lang: "en", label: "unrelated", a: "Data in the test environment may be stored in the public cloud.", b: "Production data must stay in the customer's on-premise data center.", note: "different environments" },
  { lang: "en", label: "unrelated", a: "Invoices are generated automatically at month end.", b: "Customers can download their invoices as PDF." },
  { lang: "en", label: "unrelated", a: "The AI assistant answers questions using the knowledge base.", b: "Administrators can upload documents to the knowledge base." },
  { lang: "en", label: "unrelated", a: "Users are notified by email when a ticket is updated.", b: "Customers are notified by SMS when their order ships." },
  { lang: "en", label: "unrelated", a: "The system shall support 2,000 concurrent users.", b: "The system shall store 2,000 GB of attachments." },
  { lang: "en", label: "unrelated", a: "Users must change their password every 90 days.", b: "Sessions expire after 30 minutes of inactivity." },
  { lang: "en", label: "unrelated", a: "Stock levels are updated in real time.", b: "The warehouse inventory report is generated daily." },
  { lang: "en", label: "unrelated", a: "Customers can pay by credit card or Alipay.", b: "Customers can request a refund within 7 days." },
  { lang: "en", label: "unrelated", a: "Agents can merge duplicate tickets.", b: "Agents can assign tickets to another team." },

  // ── Chinese: duplicates ──────────────────────────────────────────────────────────────────────────────────
  { lang: "zh", label: "duplicate", a: "系统需支持企业微信扫码登录。", b: "用户可以通过企业微信扫码登录系统。" },
  { lang: "zh", label: "duplicate", a: "聊天记录需要保存至少三年。", b: "消息记录保留时间不少于3年。" },
  { lang: "zh", label: "duplicate", a: "管理员可以导出所有聊天记录。", b: "支持管理员导出全部聊天记录。" },
  { lang: "zh", label: "duplicate", a: "AI助手的回答必须注明引用的知识库来源。", b: "智能助手回答问题时需给出知识库中的出处。" },
  { lang: "zh", label: "duplicate", a: "页面加载时间不超过3秒。", b: "页面打开时间应在3秒以内。" },
  { lang: "zh", label: "duplicate", a: "系统可用性不低于99.9%。", b: "平台全年可用率需达到99.9%以上。" },
  { lang: "zh", label: "duplicate", a: "所有管理操作都要记录审计日志。", b: "管理员的每一次操作都必须写入审计日志。" },
  { lang: "zh", label: "duplicate", a: "用户被@时，手机端需推送通知。", b: "群聊中有人@我时，移动端应收到推送提醒。" },
  { lang: "zh", label: "duplicate", a: "客户可以在线查看订单物流状态。", b: "顾客能够实时跟踪订单的配送进度。" },
  { lang: "zh", label: "duplicate", a: "工单提交后系统自动分配给对应坐席。", b: "新建工单时自动派给相应的客服人员。" },
  { lang: "zh", label: "duplicate", a: "采购金额超过5万元的采购单需要财务经理审批。", b: "五万元以上的采购订单必须经财务经理审批。" },
  { lang: "zh", label: "duplicate", a: "文件上传大小上限为100MB。", b: "单个文件上传不能超过100MB。" },
  { lang: "zh", label: "duplicate", a: "并发用户数不少于500。", b: "并发用户数不少于300。", note: "two lower bounds" },
  { lang: "zh", label: "duplicate", a: "用户可以在2分钟内撤回消息。", b: "超过2分钟的消息不能撤回。", note: "complementary phrasings" },
  { lang: "zh", label: "duplicate", a: "工单首次响应时间不超过4小时。", b: "工单首次响应时间须在24小时内。", note: "two upper bounds" },
  { lang: "zh", label: "duplicate", a: "系统应支持按关键词搜索聊天记录。", b: "用户能够通过关键字检索历史消息。" },

  // ── Chinese: conflicts ───────────────────────────────────────────────────────────────────────────────────
  { lang: "zh", label: "conflict", a: "数据必须存储在客户本地机房。", b: "数据存储在公有云。" },
  { lang: "zh", label: "conflict", a: "支持导出聊天记录。", b: "禁止导出聊天记录。" },
  { lang: "zh", label: "conflict", a: "系统需支持500个并发用户。", b: "系统需支持5000个并发用户。" },
  { lang: "zh", label: "conflict", a: "响应时间不超过2秒。", b: "响应时间为5秒。" },
  { lang: "zh", label: "conflict", a: "必须使用客户的统一身份认证登录。", b: "仅支持本地账号登录。" },
  { lang: "zh", label: "conflict", a: "聊天记录永久保存。", b: "聊天记录保存180天后自动删除。" },
  { lang: "zh", label: "conflict", a: "移动端必须支持离线使用。", b: "App必须始终联网才能使用。" },
  { lang: "zh", label: "conflict", a: "普通用户不允许删除群消息。", b: "所有用户都可以删除群聊中的消息。" },
  { lang: "zh", label: "conflict", a: "系统只提供中文界面。", b: "系统需要支持英文界面。" },
  { lang: "zh", label: "conflict", a: "密码必须加密存储。", b: "密码以明文形式保存在数据库中。" },
  { lang: "zh", label: "conflict", a: "问卷支持匿名填写。", b: "问卷必须实名填写。" },
  { lang: "zh", label: "conflict", a: "客服工作时间为工作日9:00-18:00。", b: "客服需提供7×24小时服务。" },
  { lang: "zh", label: "conflict", a: "项目须在2025年6月30日前上线。", b: "系统计划于2025年9月正式上线。" },
  { lang: "zh", label: "conflict", a: "单个群聊最多500人。", b: "群聊人数上限为2000人。" },
  { lang: "zh", label: "conflict", a: "AI助手不得使用外部互联网数据回答问题。", b: "AI助手可以联网搜索互联网信息来回答问题。" },
  { lang: "zh", label: "conflict", a: "会话空闲30分钟后自动退出登录。", b: "用户登录后保持在线8小时无需重新登录。", note: "hard: different phrasing of the session length" },
  { lang: "zh", label: "conflict", a: "等保测评须达到三级。", b: "系统按等保二级要求建设。" },

  // ── Chinese: unrelated, including hard negatives ─────────────────────────────────────────────────────────
  { lang: "zh", label: "unrelated", a: "管理员可以导出聊天记录。", b: "普通用户不能导出聊天记录。", note: "different roles: consistent" },
  { lang: "zh", label: "unrelated", a: "系统支持单点登录。", b: "系统支持本地账号登录。", note: "two capabilities coexist" },
  { lang: "zh", label: "unrelated", a: "生产环境数据必须存储在客户机房。", b: "测试环境可以部署在公有云上。", note: "different environments" },
  { lang: "zh", label: "unrelated", a: "聊天记录保留3年。", b: "审计日志保留1年。" },
  { lang: "zh", label: "unrelated", a: "移动端响应时间不超过2秒。", b: "报表导出时间不超过30秒。" },
  { lang: "zh", label: "unrelated", a: "支持导出聊天记录为PDF。", b: "支持导出通讯录为Excel。" },
  { lang: "zh", label: "unrelated", a: "AI助手基于企业知识库回答问题。", b: "管理员可以向知识库上传文档。" },
  { lang: "zh", label: "unrelated", a: "订单支付成功后发送短信通知。", b: "订单发货后发送邮件通知。" },
  { lang: "zh", label: "unrelated", a: "系统支持2000个并发用户。", b: "系统支持2000GB附件存储。" },
  { lang: "zh", label: "unrelated", a: "库存实时更新。", b: "每天生成库存报表。" },
  { lang: "zh", label: "unrelated", a: "用户密码每90天必须修改一次。", b: "会话空闲30分钟后自动退出。" },
  { lang: "zh", label: "unrelated", a: "销售订单需要经过部门经理审批。", b: "采购订单需要经过财务经理审批。" },
  { lang: "zh", label: "unrelated", a: "每天凌晨自动进行增量备份。", b: "每周进行一次全量备份。", note: "daily incremental + weekly full is one consistent design" },
  { lang: "zh", label: "unrelated", a: "移动端支持iOS和安卓。", b: "网页端支持Chrome和Edge浏览器。" },

  // ── Mixed zh / en ────────────────────────────────────────────────────────────────────────────────────────
  { lang: "mixed", label: "duplicate", a: "聊天记录必须可以导出。", b: "Chat history must be exportable." },
  { lang: "mixed", label: "conflict", a: "系统必须支持单点登录。", b: "Local accounts only; SSO is not supported." },
  { lang: "mixed", label: "duplicate", a: "响应时间不超过2秒。", b: "Response time must be under 5 seconds.", note: "two upper bounds" },
  { lang: "mixed", label: "conflict", a: "数据必须存储在中国境内。", b: "All data will be hosted in our Singapore region." },
  { lang: "mixed", label: "unrelated", a: "移动端支持离线查看消息。", b: "Users can export the audit log as CSV." },
  { lang: "mixed", label: "conflict", a: "系统需支持5000个并发用户。", b: "The system must support 500 concurrent users." },
  { lang: "mixed", label: "conflict", a: "管理员可以导出聊天记录。", b: "Exporting chat history is not allowed." },
  { lang: "mixed", label: "duplicate", a: "系统可用性不低于99.9%。", b: "Service availability must be at least 99.5%.", note: "two lower bounds" },
  { lang: "mixed", label: "unrelated", a: "App 必须支持 iOS 和 Android。", b: "The desktop client runs on Windows only." },
  { lang: "mixed", label: "conflict", a: "用户登录后30分钟无操作自动退出。", b: "Sessions expire after 8 hours of inactivity." },
  { lang: "mixed", label: "unrelated", a: "订单发货后通知客户。", b: "Agents can see the customer's previous tickets." },
];
