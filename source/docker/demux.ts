/** One piece of output of a command run without a TTY, as the Engine multiplexes it. */
export type Frame = {readonly stream: 'stdout' | 'stderr'; readonly data: Buffer};

/**
 * Splits the Engine's multiplexed stream (an 8-byte header per frame: stream type, three zero bytes,
 * big-endian length) into frames. Chunks may cut a header or a frame anywhere; the rest waits for
 * the next chunk.
 */
export class Demuxer {
	private pending: Buffer = Buffer.alloc(0);

	push(chunk: Buffer): Frame[] {
		this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
		const frames: Frame[] = [];
		let offset = 0;
		while (this.pending.length - offset >= 8) {
			const length = this.pending.readUInt32BE(offset + 4);
			if (this.pending.length - offset - 8 < length) {
				break;
			}

			const data = this.pending.subarray(offset + 8, offset + 8 + length);
			// 0 is stdin, which only echoes back with a TTY; show it with stdout.
			frames.push({stream: this.pending[offset] === 2 ? 'stderr' : 'stdout', data});
			offset += 8 + length;
		}

		this.pending = this.pending.subarray(offset);
		return frames;
	}

	/** Bytes of an incomplete frame left when the stream ended. */
	get leftover(): number {
		return this.pending.length;
	}
}
