/**
 * The audit log: who did what to which workspace or user, and when.
 * Append-only; read by administrators.
 */
package io.kalpana.audit;
