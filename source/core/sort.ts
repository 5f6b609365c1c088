/**
 * Sort by a column's id; undefined keeps the list's natural order (containers: running first). Here,
 * below render/ and store/, because both read it: the table marks the sorted column, the store sorts.
 */
export type Sort = {readonly column: string; readonly descending: boolean};
