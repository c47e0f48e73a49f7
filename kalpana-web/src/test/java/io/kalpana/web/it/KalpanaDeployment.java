package io.kalpana.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;

/** The WAR exactly as Maven built it, so the tests run what `./kalpana run` runs. */
final class KalpanaDeployment {

    static final String ADMIN_PASSWORD = System.getProperty("kalpana.test.adminPassword", "admin-password-for-tests");

    private KalpanaDeployment() {
    }

    /** Payara Micro reports a URL on the host's interface address; the tests only ever talk to loopback. */
    static URL onLoopback(URL reported) {
        try {
            return new URL(reported.getProtocol(), "127.0.0.1", reported.getPort(), reported.getFile());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(reported.toString(), e);
        }
    }

    static WebArchive builtWar() {
        String path = System.getProperty("kalpana.war", "target/kalpana.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }
}
