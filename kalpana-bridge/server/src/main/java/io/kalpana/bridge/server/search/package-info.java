/**
 * The search operation: ripgrep when available (fast, native .gitignore support), a Java walk otherwise.
 * Both return the same capped list of matches.
 */
package io.kalpana.bridge.server.search;
