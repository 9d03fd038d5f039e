import type { ReactNode } from "react";
import { Avatar } from "../../ui";

export type PersonWithEmailProps = {
  name: string;
  email: string;
  /** After the name, e.g. "(you)". */
  nameNote?: ReactNode;
};

/** A person in a table: avatar, name and email address. */
export function PersonWithEmail({ name, email, nameNote }: PersonWithEmailProps) {
  return (
    <span className="person">
      <Avatar name={name} />
      <span className="person-text">
        <span className="person-name">
          {name}
          {nameNote}
        </span>
        <span className="subtle">{email}</span>
      </span>
    </span>
  );
}
