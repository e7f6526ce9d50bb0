package org.militrend.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link DatabaseResource} for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(DatabaseResource.class)
public final class Databases {
    private Databases() {}
}
