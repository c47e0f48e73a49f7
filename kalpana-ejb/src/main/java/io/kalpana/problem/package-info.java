/**
 * Failures a user can cause or meet, each with a stable code, a human message and an HTTP status.
 * The web layer turns them into {@code {"error","message"}} JSON without stack traces.
 */
package io.kalpana.problem;
