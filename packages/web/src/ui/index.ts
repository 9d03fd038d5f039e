/** The design system. Knows no feature: no API calls, no routes of its own. */
export { Avatar } from "./avatar";
export { Badge, type BadgeTone } from "./badge";
export { Banner } from "./banner";
export { Button, ButtonLink, type ButtonProps } from "./button";
export { Card } from "./card";
export { Dialog } from "./dialog";
export { EmptyState } from "./empty-state";
export { Field } from "./field";
export { InputField, SelectField, TextareaField } from "./form-fields";
export { Input, Textarea } from "./input";
export { Select, type SelectGroup, type SelectOption } from "./select";
export { LoadingBlock, Spinner } from "./spinner";
export { DataTable, type Column } from "./table";
export { Tabs, type TabItem } from "./tabs";
export { ToastProvider, useToast, type ToastTone } from "./toast";
export { Tooltip } from "./tooltip";
export { MarkdownText } from "./markdown-text";
