/**
 * A subset of .gitignore semantics (globs, **, anchoring, dir-only, negation, nested files) for list and search.
 * Enough to keep node_modules, build output and the like out of an agent's view.
 */
package io.kalpana.bridge.server.ignore;
