/** The top of a page that records something for one client: back to the client, title, name and number. */
import { Link } from "react-router";
import type { Client } from "../../../api/types.js";

/** An erased client has no name any more: the number stands for them. */
export const clientName = (c: Pick<Client, "firstName" | "lastName" | "number">) =>
  c.firstName || c.lastName ? `${c.firstName} ${c.lastName}` : c.number;

export function ClientPageHeading({ client, back, backLabel, title }: { client: Client; back: string; backLabel: string; title: string }) {
  return (
    <>
      <p>
        <Link to={back}>{backLabel}</Link>
      </p>
      <div className="page-heading">
        <h1>{title}</h1>
        <p className="muted">
          {clientName(client)} · {client.number}
        </p>
      </div>
    </>
  );
}
