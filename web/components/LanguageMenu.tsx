/** The menu of the language switcher (LanguageSwitcher.tsx), loaded when it is first wanted. */
import type { RefObject } from "react";
import { Menu, MenuItem, Popover } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { availableLanguages, languageInfo, switchLanguage } from "../i18n/index.js";

export function LanguageMenu({
  triggerRef,
  autoFocus,
  onClose,
}: {
  triggerRef: RefObject<HTMLButtonElement | null>;
  autoFocus: "first" | "last";
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const current = languageInfo(i18n.language);
  return (
    <Popover className="popover" placement="bottom end" triggerRef={triggerRef} isOpen onOpenChange={(isOpen) => isOpen || onClose()}>
      <Menu
        className="menu"
        aria-label={t("shell.languageMenu")}
        autoFocus={autoFocus}
        selectionMode="single"
        selectedKeys={[current.code]}
        onAction={(code) => void switchLanguage(String(code))}
        onClose={onClose}
      >
        {availableLanguages.map((l) => (
          <MenuItem key={l.code} id={l.code} textValue={l.nativeName} className="menu-item">
            <span lang={l.code} dir={l.dir}>
              {l.nativeName}
            </span>
          </MenuItem>
        ))}
      </Menu>
    </Popover>
  );
}
