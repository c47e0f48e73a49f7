/**
 * Workspaces on the web: the dashboard page and the {@code /api/v1/workspaces} resource.
 * Both go through the EJB services, which check ownership.
 */
package io.kalpana.web.workspace;
