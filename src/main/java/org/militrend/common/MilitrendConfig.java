package org.militrend.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** Typed view of the {@code militrend.*} settings (see application.properties). */
@ConfigMapping(prefix = "militrend")
public interface MilitrendConfig {

    /** Bearer token required by every write; empty means writes are refused. */
    Optional<String> editorToken();

    /** Folder of the embedded H2 database. */
    @WithDefault("./data")
    String dataDir();

    /** Import the bundled real data at start-up. */
    @WithDefault("false")
    boolean demoData();

    /**
     * The country the service records (the gazetteer's). Rows of other countries in a
     * multi-country file are skipped and counted as out of scope.
     */
    @WithDefault("Pakistan")
    String country();

    @WithName("import")
    Import imports();

    Rollup rollup();

    interface Rollup {
        /** Recompute the monthly rollup from the incidents at start-up (it is kept on every write). */
        @WithDefault("false")
        boolean rebuildAtStart();

        /**
         * Answer aggregates, trends, hotspots, reports and dataset counts from the rollups
         * whenever the query allows it; false reads every answer from the incidents.
         */
        @WithDefault("true")
        boolean read();
    }

    interface Import {
        /** At most this many warnings, errors and unresolved places are kept per report. */
        @WithDefault("2000")
        int maxMessages();

        /** Rows per JDBC batch. */
        @WithDefault("1000")
        int batchSize();
    }
}
