/** Page title and focus handling shared by all layouts. */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t("app.name")}` : t("app.name");
  }, [title, t]);
}

/**
 * After client-side navigation, move focus to the new page's heading (not on first load). An
 * address with a fragment (…#feedback) goes to that part of the page instead, also on first load:
 * the browser cannot, as the page is rendered after it looked for the fragment.
 */
export function useFocusOnNavigate(): void {
  const { pathname, hash } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path or fragment changes
  useEffect(() => {
    const part = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (first.current) {
      first.current = false;
      if (!part) return;
    }
    // The part's own heading names it best when read out.
    const target = part ? (part.querySelector<HTMLElement>("h1, h2, h3") ?? part) : document.querySelector<HTMLElement>("main h1");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
      target.focus();
      if (part) target.scrollIntoView({ block: "start" });
    }
  }, [pathname, hash]);
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("shell.skipToContent")}
    </a>
  );
}

/**
 * False on the first render, true once the browser has painted it (a frame, then a task later;
 * `then` runs at that moment). A public page shows its heading with this first paint and only then
 * fetches and renders its heavy part (forms, calendar): on a phone the first view does not wait for
 * that script, and its download does not compete with the first view's (Lighthouse, bench/README.md).
 */
export function useAfterPaint(then?: () => void): boolean {
  const [painted, setPainted] = useState(false);
  const thenRef = useRef(then);
  thenRef.current = then;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        thenRef.current?.();
        setPainted(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
