package io.kalpana.runtime;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Brings the {@code *DockerIT} classes into the ordinary surefire run, which only picks up {@code *Test}.
 * They need a Docker engine and the workspace image, and fail (never skip) without them, so CI must
 * start Docker and build the image first.
 */
@Suite
@SuiteDisplayName("Workspace containers against the real Docker engine")
@SelectPackages("io.kalpana")
@IncludeClassNamePatterns(".*DockerIT")
class DockerSuiteTest {
}
