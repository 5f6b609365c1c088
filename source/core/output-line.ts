/** A line a one-off command (E) printed, and whether it came on stderr. */
export type OutputLine = {readonly text: string; readonly stderr?: boolean};
