/**
 * Docker's log copier cuts a line longer than 16 KiB into parts of exactly this many bytes
 * (daemon/logger/copier.go, its buffer size), and the logs endpoint with timestamps=true writes a
 * timestamp before every part: a 1 MB line came with 64 timestamps inside it (issue 12).
 */
export const partBytes = 16_384;

// RFC 3339 as the Engine writes it ("2026-12-03T04:15:31.009585660Z"), with room for an offset.
const maxStampBytes = 40;
const stampShape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const space = 0x20;
const newline = 0x0A;

function isStampByte(byte: number): boolean {
	// Digits, - . : + T Z
	return (byte >= 0x30 && byte <= 0x3A) || byte === 0x2D || byte === 0x2E || byte === 0x2B || byte === 0x54 || byte === 0x5A;
}

/**
 * Takes the timestamps of a long line's later parts out of one stream's bytes, so the line arrives
 * whole with only its own (first) timestamp, which LineSplitter reads. Where a part starts:
 * - 'frames' (a demultiplexed stream): every part is a frame of its own, so a frame that starts
 *   while a line is still open starts a part;
 * - 'raw' (a TTY container's stream, no frames): every partBytes bytes of a line.
 * Only a timestamp-shaped start followed by a space is dropped; anything else passes unchanged.
 * Works on bytes, before decoding (a timestamp is ASCII), and copies nothing in the common case.
 */
export class PartJoiner {
	/** The last byte given out ended a line, or none was given out yet. */
	private lineStart = true;
	/** 'own': reading a line's own timestamp (raw: not counted); 'part': a part's, to drop. */
	private mode: 'own' | 'content' | 'part' = 'own';
	/** Raw streams: bytes of the line's current part so far. */
	private partLength = 0;
	/** Bytes of what may be a part's timestamp, held until the space after it. */
	private held: number[] = [];

	constructor(private readonly framing: 'frames' | 'raw') {}

	/** `frameStart`: these bytes start a frame (framed streams only). */
	push(data: Uint8Array, frameStart = false): Uint8Array[] {
		if (this.framing === 'frames' && frameStart) {
			this.mode = this.lineStart ? 'content' : 'part';
		}

		const out: Uint8Array[] = [];
		let at = 0;
		while (at < data.length) {
			if (this.mode === 'part') {
				at = this.readPartStamp(data, at, out);
			} else {
				at = this.framing === 'raw' ? this.scanRaw(data, at, out) : this.passFrame(data, at, out);
			}
		}

		return out;
	}

	/** What is held when the stream ends: it was not a timestamp after all. */
	end(): Uint8Array[] {
		const rest = this.held;
		this.held = [];
		return rest.length > 0 ? [Uint8Array.from(rest)] : [];
	}

	private emit(out: Uint8Array[], bytes: Uint8Array): void {
		if (bytes.length > 0) {
			out.push(bytes);
			this.lineStart = bytes.at(-1) === newline;
		}
	}

	/** Frames: the rest of the frame is the line's. */
	private passFrame(data: Uint8Array, at: number, out: Uint8Array[]): number {
		this.emit(out, data.subarray(at));
		return data.length;
	}

	/**
	 * Raw streams: passes whole lines in one piece (a firehose of short lines costs one subarray a
	 * chunk), counting each line's bytes after its own timestamp, up to where a part would start.
	 */
	private scanRaw(data: Uint8Array, at: number, out: Uint8Array[]): number {
		let index = at;
		while (index < data.length) {
			if (this.mode === 'own') {
				// The line's own timestamp: passed on for LineSplitter, but no part of the count.
				let end = index;
				while (end < data.length && end - index < maxStampBytes && isStampByte(data[end]!)) {
					end++;
				}

				if (end === data.length && end - index < maxStampBytes) {
					// The chunk ended inside it: the rest comes next.
					index = end;
					break;
				}

				index = end < data.length && data[end] === space ? end + 1 : index;
				this.mode = 'content';
				this.partLength = 0;
				continue;
			}

			const limit = Math.min(data.length, index + partBytes - this.partLength);
			const lineEnd = data.subarray(index, limit).indexOf(newline);
			if (lineEnd !== -1) {
				index += lineEnd + 1;
				this.mode = 'own';
				continue;
			}

			this.partLength += limit - index;
			index = limit;
			if (this.partLength >= partBytes) {
				this.mode = 'part';
				break;
			}
		}

		this.emit(out, data.subarray(at, index));
		return index;
	}

	private readPartStamp(data: Uint8Array, at: number, out: Uint8Array[]): number {
		let index = at;
		while (index < data.length) {
			const byte = data[index]!;
			if (byte === space && stampShape.test(String.fromCharCode(...this.held))) {
				// A part's timestamp: dropped, and the line goes on.
				this.held = [];
				this.mode = 'content';
				this.partLength = 0;
				return index + 1;
			}

			if (byte === space || !isStampByte(byte) || this.held.length >= maxStampBytes) {
				// Not a timestamp: what was held is part of the line.
				const held = Uint8Array.from(this.held);
				this.held = [];
				this.emit(out, held);
				this.mode = 'content';
				this.partLength = held.length;
				return index;
			}

			this.held.push(byte);
			index++;
		}

		return index;
	}
}
