/**
 * Wire types of the Kalpana bridge protocol: requests, results, events and their JSON mapping.
 * Shared by the bridge server and every Java client, so both sides always agree on the format.
 */
package io.kalpana.bridge.protocol;
