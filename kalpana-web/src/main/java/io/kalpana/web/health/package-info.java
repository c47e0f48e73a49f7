/**
 * MicroProfile Health checks behind {@code /health/ready}: whether Kalpana's database answers.
 * Later checks (Docker engine) join here.
 */
package io.kalpana.web.health;
