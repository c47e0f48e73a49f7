/**
 * Running workspaces as containers: the runtime interface, its Docker implementation, readiness and first-start provisioning.
 * Knows containers, volumes and ports, never users' sessions or the database.
 */
package io.kalpana.runtime;
