/**
 * Tracks when the bridge last did real work, so the platform can stop idle workspaces.
 * Health checks (ping, activity, hello) deliberately do not count.
 */
package io.kalpana.bridge.server.activity;
