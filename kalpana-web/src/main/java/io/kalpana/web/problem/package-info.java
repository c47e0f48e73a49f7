/**
 * Turns every failure into {@code {"error","message"}} JSON with the right status, never a stack trace (exception
 * mappers for the API, an error servlet for what the container itself rejects), or into a page's message; and guards
 * request bodies: size, strict JSON.
 */
package io.kalpana.web.problem;
