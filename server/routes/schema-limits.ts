// The limits of the database's columns, written into the route schemas so that a number too
// large for its column is refused with 400 by validation, never sent to the database (where
// it would fail the query). Ids, versions and revisions are PostgreSQL `integer` (int4).

/** The largest PostgreSQL `integer` (int4). */
export const MAX_INT4 = 2_147_483_647;

/** A row id, a version or a revision as a route receives it: a whole number in int4. */
export const positiveInt4 = { type: 'integer', minimum: 1, maximum: MAX_INT4 } as const;
