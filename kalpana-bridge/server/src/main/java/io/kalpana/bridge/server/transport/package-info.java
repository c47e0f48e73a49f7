/**
 * WebSocket side of the bridge: the Tyrus/Grizzly container, handshake authentication, per-connection state
 * and the dispatcher that turns JSON messages into operations and operations into replies.
 */
package io.kalpana.bridge.server.transport;
