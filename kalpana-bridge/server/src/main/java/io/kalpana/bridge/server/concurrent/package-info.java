/**
 * Small concurrency helpers shared by transport and exec: ordered execution on a shared pool, named threads.
 * They keep per-client ordering without giving any client a thread of its own.
 */
package io.kalpana.bridge.server.concurrent;
