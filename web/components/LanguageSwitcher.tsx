/**
 * Offers every language with a translation, each named in itself and marked with its lang.
 *
 * The button is a plain one, in every page's first paint; the menu (React Aria's Menu in a
 * Popover, with the overlay and collection code they bring) is a chunk of its own, fetched when
 * the button is pointed at, touched or focused, and shown when it is pressed: a phone on a slow
 * line does not load it with every page. Keys as in a menu button: Enter, Space and ↓ open the
 * menu on its first entry, ↑ on its last; the popover returns focus to the button when it closes.
 */
import { type KeyboardEvent, lazy, Suspense, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { languageInfo } from "../i18n/index.js";
import { GlobeIcon } from "./icons.js";

const loadMenu = () => import("./LanguageMenu.js");
const LanguageMenu = lazy(() => loadMenu().then((m) => ({ default: m.LanguageMenu })));

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = languageInfo(i18n.language);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<false | "first" | "last">(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    setOpen(event.key === "ArrowDown" ? "first" : "last");
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button-quiet language-button"
        aria-label={t("shell.languageButton", { language: current.nativeName })}
        aria-haspopup="true"
        aria-expanded={Boolean(open)}
        onPointerEnter={loadMenu}
        onTouchStart={loadMenu}
        onFocus={loadMenu}
        onClick={() => setOpen("first")}
        onKeyDown={onKeyDown}
      >
        <GlobeIcon /> <span lang={current.code}>{current.nativeName}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <LanguageMenu triggerRef={button} autoFocus={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
