/**
 * The web face of Kalpana: the JAX-RS application root and filters that apply to every response.
 * Sub-packages hold the portal pages and API resources, grouped by what they do.
 */
package io.kalpana.web;
