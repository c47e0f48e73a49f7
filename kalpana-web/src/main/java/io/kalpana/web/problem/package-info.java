/**
 * Turns every failure into {@code {"error","message"}} JSON with the right status, never a stack trace:
 * exception mappers for the API and an error servlet for what the container itself rejects.
 */
package io.kalpana.web.problem;
