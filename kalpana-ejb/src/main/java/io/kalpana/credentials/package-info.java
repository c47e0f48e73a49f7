/**
 * Per-person Git credentials (a token for the company's Git host): kept encrypted with AES-GCM, used to clone at a
 * workspace's first start and handed to the workspace's git credential helper; only ever shown back masked.
 */
package io.kalpana.credentials;
