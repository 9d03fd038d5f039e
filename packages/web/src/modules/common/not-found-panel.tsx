import { ButtonLink, Card, EmptyState } from "../../ui";

export type NotFoundPanelProps = { title: string; body: string; backTo: string; backLabel: string };

/** A record or page that does not exist (or that the person may not see: the API answers both with 404). */
export function NotFoundPanel({ title, body, backTo, backLabel }: NotFoundPanelProps) {
  return (
    <Card>
      <EmptyState
        icon="?"
        title={title}
        action={
          <ButtonLink to={backTo} variant="secondary">
            {backLabel}
          </ButtonLink>
        }
      >
        {body}
      </EmptyState>
    </Card>
  );
}
