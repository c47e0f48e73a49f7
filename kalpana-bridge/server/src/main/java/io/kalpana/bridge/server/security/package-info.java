/**
 * Guards of the bridge: token authentication of connections and confinement of every path to the workspace.
 * Anything reaching the file system or a process has passed through here first.
 */
package io.kalpana.bridge.server.security;
