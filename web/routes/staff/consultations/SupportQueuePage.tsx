import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client.js";
import { type SupportQueueItem, useAnswerSupport, useSupportQueue } from "../../../api/records.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { RadioGroupInput, TextAreaInput } from "../../../components/fields.js";
import { formatDate } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { fieldErrorOf } from "../clients/ClientForm.js";
import { SupportRequestItem } from "./ConsultationDetailPage.js";

type Status = "open" | "answered";

/**
 * /staff/support-requests — the queue of the national Support Faire Integration team: the legal
 * matter of each question (reasons, sector, state network), never who the client is.
 */
export function SupportQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t("consultations.queue.title"));
  const [status, setStatus] = useState<Status>("open");
  const queue = useSupportQueue(status);
  const [answered, setAnswered] = useState(false);

  return (
    <>
      <h1>{t("consultations.queue.title")}</h1>
      <p className="muted">{t("consultations.queue.intro")}</p>
      <div className="filters filters-single">
        <RadioGroupInput
          label={t("consultations.queue.show")}
          orientation="horizontal"
          options={[
            { id: "open", label: t("consultations.queue.open") },
            { id: "answered", label: t("consultations.queue.answered") },
          ]}
          value={status}
          onChange={(v) => {
            setStatus(v as Status);
            setAnswered(false);
          }}
        />
      </div>
      <div role="status" className="result-count">
        {answered && (
          <div className="alert alert-success">
            <p>{t("consultations.queue.done")}</p>
          </div>
        )}
        {queue.data && !queue.isPlaceholderData && <p>{t("consultations.queue.count", { count: queue.data.items.length })}</p>}
      </div>
      <QueryState query={queue}>
        {() =>
          queue.data!.items.length === 0 ? (
            <p className="empty">{t(status === "open" ? "consultations.queue.emptyOpen" : "consultations.queue.emptyAnswered")}</p>
          ) : (
            <ul className="support-list">
              {queue.data!.items.map((item) => (
                <QueueItem key={item.id} item={item} onAnswered={() => setAnswered(true)} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function QueueItem({ item, onAnswered }: { item: SupportQueueItem; onAnswered: () => void }) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerSupport();
  const [text, setText] = useState("");
  const fieldError = fieldErrorOf(answer.error);
  const reasons = item.fiReasons.map((r) =>
    r === "other" && item.fiReasonOther
      ? `${t(`consultations.codes.fiReasons.${r}`)}: ${item.fiReasonOther}`
      : t(`consultations.codes.fiReasons.${r}`),
  );
  const conflict = answer.error instanceof ApiError && answer.error.status === 409;

  return (
    <SupportRequestItem request={item}>
      <dl className="facts support-matter">
        <div className="fact">
          <dt>{t("consultations.queue.consultationDate")}</dt>
          <dd>{formatDate(item.consultationDate, i18n.language)}</dd>
        </div>
        <div className="fact">
          <dt>{t("consultations.queue.stateNetwork")}</dt>
          <dd>{item.stateNetwork?.name ?? "–"}</dd>
        </div>
        <div className="fact">
          <dt>{t("consultations.fields.fiReasons")}</dt>
          <dd>{reasons.join(", ") || "–"}</dd>
        </div>
        <div className="fact">
          <dt>{t("consultations.fields.employerSector")}</dt>
          <dd>{item.employerSector ? t(`consultations.codes.employerSectors.${item.employerSector}`) : "–"}</dd>
        </div>
      </dl>
      {item.status === "open" && (
        <QuickForm
          className="form support-form"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ id: item.id, answer: text.trim(), version: item.version }, { onSuccess: onAnswered });
          }}
        >
          {conflict ? (
            <div role="alert" className="alert alert-warning">
              <p>{t("consultations.queue.conflict")}</p>
            </div>
          ) : (
            <ErrorAlert error={answer.error} />
          )}
          <TextAreaInput
            label={t("consultations.queue.answer")}
            value={text}
            onChange={setText}
            isRequired
            maxLength={8000}
            validate={(v) => (v.trim() ? null : t("consultations.queue.answerRequired"))}
            errorMessage={fieldError("answer")}
          />
          <div className="form-actions">
            <PendingButton type="submit" className="button button-primary" isPending={answer.isPending}>
              {t("consultations.queue.submit")}
            </PendingButton>
          </div>
        </QuickForm>
      )}
    </SupportRequestItem>
  );
}
