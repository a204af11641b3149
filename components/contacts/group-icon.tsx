// Static groups are lists (a folder of people); dynamic groups are saved filters (a funnel).
const PATHS = {
  static: "M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z",
  dynamic: "M4 5h16l-6 7.5V19l-4-2v-4.5L4 5Z",
  star: "m12 4 2.4 5 5.4.6-4 3.7 1.1 5.4L12 16l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6L12 4Z",
} as const;

export function GroupIcon({ kind, className = "h-4 w-4" }: { kind: keyof typeof PATHS; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinejoin="round" className={`shrink-0 ${className}`} aria-hidden>
      <path d={PATHS[kind]} />
    </svg>
  );
}
