/**
 * Running shell commands: each in its own process group (setsid), output streamed in chunks,
 * with timeouts, signals, output caps and a global limit on concurrent commands.
 */
package io.kalpana.bridge.server.exec;
