/** tmux on a socket of its own, so tests never meet a person's tmux sessions. */
export const tmuxSocket = process.env['TSDTOP_TMUX_SOCKET'] ?? 'tsdtop-test';
