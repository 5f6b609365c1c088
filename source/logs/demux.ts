/** Which stream a piece of log output came from. */
export type LogStream = 'stdout' | 'stderr';

export type LogChunk = {readonly stream: LogStream; readonly data: Uint8Array};

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
				continue;
			}

			const take = Math.min(this.remaining, chunk.length - offset);
			out.push({stream: this.stream, data: chunk.subarray(offset, offset + take)});
			this.remaining -= take;
			offset += take;
		}

		return out;
	}
}
