import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TClient } from "@jiaofu/contracts";
import { api } from "../../api";
import { Avatar, Badge, Button, Card, EmptyState } from "../../ui";
import { QueryContent } from "../common/query-content";
import { userKeys } from "../people/users.queries";
import { AddContactDialog } from "./add-contact-dialog";

/** The client's contacts: the people who sign in to the client portal. */
export function ClientContacts({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const contacts = useQuery({
    queryKey: userKeys.list({ clientId: client.id }),
    queryFn: () => api.users.list({ clientId: client.id, limit: 200 }),
  });
  const items = contacts.data?.items ?? [];

  return (
    <Card
      title={t("contacts.title")}
      actions={
        <Button size="sm" variant="secondary" onClick={() => setAdding(true)} data-testid="add-contact">
          {t("contacts.add")}
        </Button>
      }
    >
      <QueryContent
        query={contacts}
        isEmpty={items.length === 0}
        empty={
          <EmptyState icon="＋" title={t("contacts.emptyTitle")}>
            {t("contacts.emptyBody")}
          </EmptyState>
        }
      >
        <ul className="people-list" aria-label={t("contacts.title")}>
          {items.map((user) => (
            <li key={user.id} className="person" data-testid="contact-row">
              <Avatar name={user.name} />
              <span className="person-text">
                <span className="person-name">
                  {user.name}
                  {!user.active ? (
                    <Badge tone="gray" dot={false}>
                      {t("people.inactive")}
                    </Badge>
                  ) : null}
                </span>
                <a href={`mailto:${user.email}`} className="subtle">
                  {user.email}
                </a>
                {user.title ? <span className="subtle">{user.title}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </QueryContent>
      <AddContactDialog open={adding} onClose={() => setAdding(false)} client={client} />
    </Card>
  );
}
