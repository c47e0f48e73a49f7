/**
 * What only administrators may do over the web: user management under {@code /api/v1/admin}.
 * Access is restricted to the admin role in web.xml.
 */
package io.kalpana.web.admin;
