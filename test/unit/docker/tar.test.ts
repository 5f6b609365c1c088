import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {firstTarEntry} from '../../../source/docker/tar.js';

// Archives made by GNU tar in each format the Engine's Go archive/tar may write: ustar, GNU long
// names and PAX records. The Engine sends one path per archive; the first entry is what matters.
const dir = mkdtempSync(path.join(tmpdir(), 'tsdtop-tar-'));
writeFileSync(path.join(dir, 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
symlinkSync('../usr/lib/passwd', path.join(dir, 'link'));
const longDir = path.join(dir, 'd'.repeat(60), 'e'.repeat(60));
mkdirSync(longDir, {recursive: true});
writeFileSync(path.join(longDir, 'file'), 'deep');

const tar = (format: string, ...names: string[]) => execFileSync('tar', ['-C', dir, `--format=${format}`, '-cf', '-', ...names]);

describe('firstTarEntry', () => {
	it.each(['ustar', 'gnu', 'pax'])('reads a file from a %s archive', format => {
		const entry = firstTarEntry(tar(format, 'passwd'));
		expect(entry).toEqual({type: 'file', name: 'passwd', data: Buffer.from('root:x:0:0:root:/root:/bin/sh\n')});
	});

	it.each(['ustar', 'gnu', 'pax'])('reads a symlink and its target from a %s archive', format => {
		expect(firstTarEntry(tar(format, 'link'))).toEqual({type: 'symlink', name: 'link', linkTarget: '../usr/lib/passwd'});
	});

	it.each(['gnu', 'pax'])('reads a name longer than 100 bytes from a %s archive', format => {
		const name = path.relative(dir, path.join(longDir, 'file'));
		const entry = firstTarEntry(tar(format, name));
		expect(entry).toMatchObject({type: 'file', name, data: Buffer.from('deep')});
	});

	it('reports a directory as neither file nor link', () => {
		expect(firstTarEntry(tar('ustar', 'd'.repeat(60)))).toMatchObject({type: 'other'});
	});

	it('gives what there is of a file cut short (a capped download)', () => {
		const archive = tar('ustar', 'passwd');
		expect(firstTarEntry(archive.subarray(0, 512 + 10))).toMatchObject({type: 'file', data: Buffer.from('root:x:0:0')});
	});

	it('is undefined for an empty or short archive', () => {
		expect(firstTarEntry(Buffer.alloc(0))).toBeUndefined();
		expect(firstTarEntry(Buffer.alloc(1024))).toBeUndefined();
		expect(firstTarEntry(Buffer.from('not a tar'))).toBeUndefined();
	});
});
