/** A placeholder bar of a loading skeleton; size it with h-* / w-*. */
export const SKELETON_BAR = "animate-pulse rounded bg-gray-200";

/**
 * A section's page while it is read (a route's loading.tsx): its title and "Loading…" where the
 * page will show them, then `children`, the section's shape in grey bars, so nothing jumps when the
 * page arrives.
 */
export function LoadingPage({
  title,
  status,
  testId,
  className = "space-y-4",
  children,
}: {
  title: string;
  status: string;
  testId: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className} aria-busy="true" data-testid={testId}>
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-gray-600" role="status">
          {status}
        </p>
      </div>
      {children}
    </div>
  );
}
