/** Which stream a piece of log output came from. */
import type {LogStream} from '../core/log-line.js';

export type {LogStream} from '../core/log-line.js';

export type LogChunk = {
	readonly stream: LogStream;
	readonly data: Uint8Array;
	/** These bytes start a frame, one message of the Engine (absent on a TTY container's raw stream). */
	readonly start?: true;
};

/**
 * Splits the Engine's multiplexed log stream (non-TTY containers) into stdout and stderr pieces.
 * Each frame is an 8-byte header (stream type, 3 zero bytes, big-endian uint32 length) and then the
 * payload. Headers and payloads may split across chunks anywhere: the demuxer keeps what it has
 * of a header and hands out payload bytes as they come, without waiting for a whole frame.
 */
export class Demuxer {
	private header = new Uint8Array(8);
	private headerBytes = 0;
	private remaining = 0;
	private stream: LogStream = 'stdout';
	/** The next payload bytes are the frame's first. */
	private first = false;

	push(chunk: Uint8Array): LogChunk[] {
		const out: LogChunk[] = [];
		let offset = 0;
		while (offset < chunk.length) {
			if (this.remaining === 0) {
				const take = Math.min(8 - this.headerBytes, chunk.length - offset);
				this.header.set(chunk.subarray(offset, offset + take), this.headerBytes);
				this.headerBytes += take;
				offset += take;
				if (this.headerBytes < 8) {
					break;
				}

				this.headerBytes = 0;
				// 2 is stderr; 0 (stdin, echoed for attach) and 1 are shown as stdout.
				this.stream = this.header[0] === 2 ? 'stderr' : 'stdout';
				this.remaining = new DataView(this.header.buffer).getUint32(4);
				this.first = true;
				continue;
			}

			const take = Math.min(this.remaining, chunk.length - offset);
			out.push(this.first ? {stream: this.stream, data: chunk.subarray(offset, offset + take), start: true} : {stream: this.stream, data: chunk.subarray(offset, offset + take)});
			this.first = false;
			this.remaining -= take;
			offset += take;
		}

		return out;
	}
}
