package io.kalpana.store;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The named entities are every JNoSQL entity and embeddable in Kalpana's code, so none is missed when one is added. */
class KalpanaEntitiesTest {

    @Test
    void theNamedEntitiesAreAllThereAre() {
        Set<Class<?>> annotated = new HashSet<>();
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().acceptPackages("io.kalpana").scan()) {
            annotated.addAll(scan.getClassesWithAnnotation("jakarta.nosql.Entity").loadClasses());
            annotated.addAll(scan.getClassesWithAnnotation("jakarta.nosql.Embeddable").loadClasses());
        }
        assertEquals(annotated, KalpanaEntities.ENTITIES);
        assertEquals(Set.of(), new KalpanaEntities().embeddables());
    }
}
