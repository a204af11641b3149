import { z } from "zod";

/** Paging from a URL: bad or missing values fall back to defaults instead of failing the page. */
export const pageParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().refine((n) => [10, 25, 50, 100].includes(n)).catch(25),
  q: z.string().trim().max(200).catch("").optional(),
});
export type PageParams = z.output<typeof pageParams>;
