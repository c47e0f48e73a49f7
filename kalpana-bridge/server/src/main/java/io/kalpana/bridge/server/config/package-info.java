/**
 * Bridge configuration read from KALPANA_BRIDGE_* environment variables, validated once at startup.
 * Invalid configuration stops the process with a clear message instead of running half-configured.
 */
package io.kalpana.bridge.server.config;
