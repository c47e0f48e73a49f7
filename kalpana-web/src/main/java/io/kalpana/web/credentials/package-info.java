/**
 * Git credentials on the web: a person's own (REST and the dashboard's section, tokens only masked), and the answer to
 * the git credential helper inside a running workspace.
 */
package io.kalpana.web.credentials;
