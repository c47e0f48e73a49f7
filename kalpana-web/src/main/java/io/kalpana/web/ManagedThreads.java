package io.kalpana.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The server's managed threads, looked up once. A {@code @Resource} field in a request-scoped bean is a JNDI
 * lookup (Payara copies the object through serialization) on every request that creates the bean.
 */
@ApplicationScoped
public class ManagedThreads {

    @Resource
    ManagedExecutorService executor;

    public ManagedExecutorService executor() {
        return executor;
    }
}
