/** A modal dialog with a heading; the trigger is the first child of DialogTrigger. */
import type { ReactNode } from "react";
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { PendingButton } from "./PendingButton.js";

export function ModalDialog({
  trigger,
  title,
  children,
  isOpen,
  onOpenChange,
}: {
  trigger?: ReactNode;
  title: ReactNode;
  children: (close: () => void) => ReactNode;
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/**
 * The foot of a dialog: the action and "Abbrechen". Without `onSubmit` the action submits the
 * dialog's form; with it, the action is a plain button (dialogs without a form).
 */
export function DialogActions({
  submitLabel,
  isPending,
  onCancel,
  onSubmit,
  tone = "primary",
}: {
  submitLabel: ReactNode;
  isPending: boolean;
  onCancel: () => void;
  onSubmit?: () => void;
  tone?: "primary" | "danger";
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <PendingButton type={onSubmit ? "button" : "submit"} className={`button button-${tone}`} isPending={isPending} onPress={onSubmit}>
        {submitLabel}
      </PendingButton>
      <Button className="button button-quiet" onPress={onCancel}>
        {t("common.cancel")}
      </Button>
    </div>
  );
}
