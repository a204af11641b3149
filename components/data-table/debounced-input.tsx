"use client";
import { useEffect, useRef, useState } from "react";

/**
 * A text input that reports its value once typing pauses, so that a search over a million rows
 * runs once per word rather than once per key. Enter reports at once.
 */
export function DebouncedInput({
  value,
  onChange,
  delayMs = 350,
  ...rest
}: { value: string; onChange: (value: string) => void; delayMs?: number } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  // A new value from outside (back button, a link) replaces what is shown — unless the user is
  // typing in it, whose newer text must not be overwritten by the page that was just requested.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const report = (next: string) => {
    clearTimeout(timer.current);
    if (next.trim() !== value) onChange(next.trim());
  };
  return (
    <input
      {...rest}
      ref={input}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        clearTimeout(timer.current);
        const next = e.target.value;
        timer.current = setTimeout(() => report(next), delayMs);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          report(text);
        }
      }}
    />
  );
}
