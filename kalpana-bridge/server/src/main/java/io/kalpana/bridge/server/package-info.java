/**
 * Entry point and lifecycle of the bridge server: reads configuration, wires the services, starts Tyrus.
 * Everything else lives in the sub-packages named after what they do.
 */
package io.kalpana.bridge.server;
