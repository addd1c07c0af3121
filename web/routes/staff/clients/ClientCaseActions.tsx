/**
 * The casework on the client page (mounted by ClientDetailPage): refer, add a follow-up task,
 * the data subject rights in a secondary menu, the open tasks, and the justified accesses of
 * other sub-projects. BreakGlassPrompt is what the page shows when reading the client gave 403.
 */
import { type ReactNode, useRef, useState } from "react";
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useClientTasks } from "../../../api/casework.js";
import type { Client } from "../../../api/types.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { formatDateTime } from "../../../components/format.js";
import { ChevronDownIcon } from "../../../components/icons.js";
import { AccessGrants, BreakGlassNotice } from "../casework/BreakGlass.js";
import { DataRightsDialogs, downloadClientExport, downloadClientExportPdf } from "../casework/DataRights.js";
import { ReferDialog } from "../referrals/ReferDialog.js";
import { AddTaskDialog } from "../tasks/AddTaskDialog.js";
import { TaskChecklist } from "../tasks/TaskChecklist.js";

export { BreakGlassPrompt } from "../casework/BreakGlass.js";

type MoreAction = "export" | "exportPdf" | "merge" | "erase";

export function ClientCaseActions({ client, onChanged }: { client: Client; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const erased = Boolean(client.erasedAt);
  // Casework in the owning sub-project; without it the file is open by break-the-glass (read
  // only). An erased record offers no changes at all, and break-the-glass never opens one.
  const owning = client.abilities.update || erased;
  const [notice, setNotice] = useState<ReactNode>(null);
  const [dialog, setDialog] = useState<"merge" | "erase" | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const moreButton = useRef<HTMLButtonElement>(null);

  const runAction = async (action: MoreAction) => {
    setNotice(null);
    setExportError(null);
    if (action === "merge" || action === "erase") {
      setDialog(action);
      return;
    }
    setExporting(true);
    try {
      await (action === "export" ? downloadClientExport(client) : downloadClientExportPdf(client));
      setNotice(<p>{t("clientLifecycle.export.done", { number: client.number })}</p>);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="case-actions">
      {!owning && <BreakGlassNotice />}
      {owning && (
        <div className="toolbar case-toolbar">
          {!erased && (
            <>
              <ReferDialog
                client={client}
                onConsentRecorded={onChanged}
                onSent={(referral) => {
                  setNotice(
                    <p>
                      {t("referrals.refer.sent", { partner: referral.targetName })}{" "}
                      <Link to={`/staff/referrals/${referral.id}`}>{t("referrals.refer.showSent")}</Link>
                    </p>,
                  );
                  onChanged();
                }}
              />
              <AddTaskDialog
                client={client}
                onAdded={(task) => {
                  setNotice(<p>{t("tasks.add.done", { title: task.title })}</p>);
                  onChanged();
                }}
              />
            </>
          )}
          <MenuTrigger>
            <Button ref={moreButton} className="button button-quiet" aria-busy={exporting || undefined}>
              {t("clientLifecycle.more")} <ChevronDownIcon />
            </Button>
            <Popover className="popover" placement="bottom end">
              <Menu className="menu" aria-label={t("clientLifecycle.more")} onAction={(key) => void runAction(key as MoreAction)}>
                <MenuItem id="export" className="menu-item">
                  {t("clientLifecycle.export.action")}
                </MenuItem>
                <MenuItem id="exportPdf" className="menu-item">
                  {t("clientLifecycle.export.pdfAction")}
                </MenuItem>
                {!erased && (
                  <MenuItem id="merge" className="menu-item">
                    {t("clientLifecycle.merge.action")}
                  </MenuItem>
                )}
                {!erased && client.abilities.erase && (
                  <MenuItem id="erase" className="menu-item">
                    {t("clientLifecycle.erase.action")}
                  </MenuItem>
                )}
              </Menu>
            </Popover>
          </MenuTrigger>
        </div>
      )}
      <div role="status">{notice && <div className="alert alert-success">{notice}</div>}</div>
      <ErrorAlert error={exportError} />
      {erased && (
        <div className="alert alert-info">
          <p>{t("clientLifecycle.erase.erasedOn", { time: formatDateTime(client.erasedAt, i18n.language) })}</p>
        </div>
      )}
      {!erased && <OpenTasks client={client} canChange={owning} onChanged={onChanged} />}
      {owning && <AccessGrants client={client} />}
      <DataRightsDialogs
        client={client}
        open={dialog}
        onClose={() => {
          setDialog(null);
          // The menu item that opened the dialog is gone: focus returns to the menu button.
          requestAnimationFrame(() => moreButton.current?.focus());
        }}
        onDone={(message) => {
          setNotice(<p>{message}</p>);
          onChanged();
        }}
      />
    </div>
  );
}

function OpenTasks({ client, canChange, onChanged }: { client: Client; canChange: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const tasks = useClientTasks(client.id);
  return (
    <section className="panel section client-tasks" aria-labelledby="client-open-tasks">
      <h2 id="client-open-tasks">{t("tasks.openOfClient")}</h2>
      <QueryState query={tasks}>
        {() => (
          <TaskChecklist
            tasks={(tasks.data?.items ?? []).filter((task) => !task.done)}
            label={t("tasks.openOfClient")}
            emptyText={t("tasks.noneOpen")}
            canChange={canChange}
            onChanged={onChanged}
          />
        )}
      </QueryState>
    </section>
  );
}
