"use client";
import { useEffect, type KeyboardEvent, type RefObject } from "react";

/**
 * A drop-down menu's dismissal: Escape or a press outside `root` closes it, and Escape gives the
 * focus back to the button that opened it (`trigger`), not to the page.
 */
export function useMenuDismissal(open: boolean, close: () => void, root: RefObject<HTMLElement | null>, trigger: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      close();
      trigger.current?.focus();
    };
    const onPress = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onPress);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onPress);
    };
  }, [open, close, root, trigger]);
}

/** Arrow keys, Home and End move the focus between a menu's enabled items (WAI-ARIA menu pattern). */
export function onMenuKeyDown(event: KeyboardEvent<HTMLElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === "ArrowDown" ? items[(at + 1) % items.length]
    : event.key === "ArrowUp" ? items[(at - 1 + items.length) % items.length]
    : event.key === "Home" ? items[0]
    : event.key === "End" ? items.at(-1)
    : undefined;
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** Focuses a menu's first enabled item once it is shown: pass as the menu element's ref callback. */
export function focusFirstMenuItem(menu: HTMLElement | null) {
  menu?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
}
