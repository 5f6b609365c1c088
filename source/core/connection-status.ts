/** Where the link to the Engine stands: the header dims its counts unless connected. */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
