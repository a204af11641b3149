/** Escapes LIKE's wildcards (and its escape character) so that a user's "%" or "_" is literal. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, "\\$&");

/** The LIKE pattern for "contains": `%value%`, with the value taken literally. */
export const containsPattern = (value: string) => `%${escapeLike(value)}%`;
