/** Which of a container's streams a line came from. */
export type LogStream = 'stdout' | 'stderr';

/** One line as the log pane keeps it: sanitised text, its stream, and the Engine's timestamp. */
export type RawLine = {
	readonly stream: LogStream;
	/** RFC 3339 from the Engine (`timestamps: true`), when the line had one. */
	readonly time?: string;
	readonly text: string;
	/** The line was longer than maxLineLength: the next line of this stream is the rest of it. */
	readonly continues?: true;
};

/** A line in the log buffer: its sequence number never changes, so a paused view can hold on to it. */
export type LogLine = RawLine & {
	readonly seq: number;
	/** In a merged log (issue 16 item 2): the id of the container it came from. */
	readonly source?: string;
};
