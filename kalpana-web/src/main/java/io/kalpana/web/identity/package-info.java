/**
 * Sign-in for people (form and session) and programs (bearer tokens) through one mechanism of Kalpana's,
 * the identity stores behind it, and the token and sign-in endpoints.
 */
package io.kalpana.web.identity;
