/**
 * Integration test that deploys the built kalpana.ear to a real, freshly created Payara Server domain.
 * It proves the EAR's packaging (EJB module, skinny WAR, shared lib/, context root /) works on the full server.
 */
package io.kalpana.ear;
