/**
 * Sign-in through the company's OpenID Connect provider (kalpana.auth.mode=oidc): the authorization code flow for
 * people, checks of the provider's signed tokens for the API, and the mapping of the provider's groups to roles.
 */
package io.kalpana.web.sso;
