/**
 * The MongoDB connection shared by Eclipse JNoSQL and the native driver.
 * Starts an embedded MongoDB-wire store under the data directory when no URI is configured.
 */
package io.kalpana.store;
