package org.militrend.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import org.militrend.common.MilitrendConfig;

/**
 * With {@code militrend.demo-data=true}, imports the bundled real data at start-up through the
 * ordinary import code: the Pakistan Body Count file and the hand-entered news fixture. A second
 * start finds every row unchanged.
 */
@ApplicationScoped
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    static final String PBC = "demo/pbc-suicide-attacks-v11.csv";
    static final String FIXTURE = "demo/news-fixture.csv";

    @Inject
    MilitrendConfig config;

    @Inject
    ImportService imports;

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        load(PBC, "pbc-suicide", null);
        load(FIXTURE, "native", "news-fixture");
    }

    private void load(String resource, String format, String dataset) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled file " + resource + " is missing");
            }
            ImportReport r = imports.importStream(
                    in, new ImportOptions(format, dataset, false, ImportOptions.OnError.FAIL, false, null, resource));
            LOG.infof(
                    "demo data %s: %s, %d rows (%d inserted, %d updated, %d unchanged, %d warnings)",
                    resource, r.state(), r.rowsRead(), r.inserted(), r.updated(), r.unchanged(), r.warningCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
