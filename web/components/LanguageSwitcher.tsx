/** Offers every language with a translation, each named in itself and marked with its lang. */
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { availableLanguages, languageInfo, switchLanguage } from "../i18n/index.js";
import { GlobeIcon } from "./icons.js";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = languageInfo(i18n.language);
  return (
    <MenuTrigger>
      <Button className="button button-quiet language-button" aria-label={t("shell.languageButton", { language: current.nativeName })}>
        <GlobeIcon /> <span lang={current.code}>{current.nativeName}</span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={t("shell.languageMenu")}
          selectionMode="single"
          selectedKeys={[current.code]}
          onAction={(code) => void switchLanguage(String(code))}
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
    </MenuTrigger>
  );
}
