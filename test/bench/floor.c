/*
 * The floor of the key measures: a program that does nothing but draw the bench's list and move an
 * inverse selection on j/k, with one write() per key (the two rows that change). No Engine, no
 * runtime: what is left of a key's time is the terminal's (tmux's) and the harness's own.
 * Compiled by the bench at run time (gcc), run as `floor N`; q quits.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;

static void restore(void) {
	static const char leave[] = "\x1b[?25h\x1b[?1049l";
	tcsetattr(0, TCSANOW, &saved);
	write(1, leave, sizeof leave - 1);
}

/* One list row, the selected one in reverse video, as a capture shows tsdtop's. */
static int row(char *out, int index, int selected) {
	return sprintf(out, "\x1b[%d;1H%s bench-%04d   running   tsdtop-test/busybox:latest   Up 1 hour%s", index + 1,
		selected ? "\x1b[7m" : "", index, selected ? "\x1b[27m" : "");
}

int main(int argc, char **argv) {
	int n = argc > 1 ? atoi(argv[1]) : 100;
	int shown = n < 38 ? n : 38;
	int selected = 1;
	static char buf[16384];
	int len = 0;
	struct termios raw;

	tcgetattr(0, &saved);
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(0, TCSANOW, &raw);
	atexit(restore);
	signal(SIGHUP, exit);
	signal(SIGTERM, exit);

	len += sprintf(buf + len, "\x1b[?1049h\x1b[?25l\x1b[2J\x1b[1;1Hfloor  %d running", n);
	for (int i = 1; i <= shown; i++) {
		len += row(buf + len, i, i == selected);
	}
	write(1, buf, len);

	for (;;) {
		char keys[64];
		ssize_t got = read(0, keys, sizeof keys);
		if (got <= 0) {
			return 0;
		}
		for (ssize_t k = 0; k < got; k++) {
			int next = selected;
			if (keys[k] == 'q' || keys[k] == 3) {
				return 0;
			}
			if (keys[k] == 'j' && selected < shown) {
				next = selected + 1;
			} else if (keys[k] == 'k' && selected > 1) {
				next = selected - 1;
			}
			if (next != selected) {
				len = row(buf, selected, 0);
				len += row(buf + len, next, 1);
				selected = next;
				write(1, buf, len);
			}
		}
	}
}
