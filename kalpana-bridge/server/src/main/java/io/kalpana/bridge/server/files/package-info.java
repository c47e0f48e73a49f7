/**
 * File operations of the protocol (read, write, edit, list, stat, delete, move) on confined paths.
 * Writes are atomic: content goes to a temp file in the same directory and is moved over the target.
 */
package io.kalpana.bridge.server.files;
