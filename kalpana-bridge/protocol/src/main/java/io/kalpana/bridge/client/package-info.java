/**
 * Asynchronous Java client of the bridge over the standard jakarta.websocket client API.
 * Requests return CompletableFutures; failures surface as BridgeException subclasses a caller can act on.
 */
package io.kalpana.bridge.client;
