/**
 * Integration tests: the packaged bridge jar runs as its own process on a temp root and a free port,
 * and the tests talk to it through the real Java client (or a raw WebSocket for abuse cases).
 */
package io.kalpana.bridge.it;
