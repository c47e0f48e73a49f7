/**
 * Workspaces: the entity, its identifiers and states, and the service that creates and lists them.
 * Names are unique per owner; every lookup checks who owns the workspace.
 */
package io.kalpana.workspace;
