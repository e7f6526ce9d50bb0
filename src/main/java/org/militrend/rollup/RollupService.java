package org.militrend.rollup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.militrend.common.MilitrendConfig;

/** The rollup's rebuild and consistency check, each in a transaction of its own. */
@ApplicationScoped
public class RollupService {

    private static final Logger LOG = Logger.getLogger(RollupService.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MilitrendConfig config;

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (config.rollup().rebuildAtStart()) {
            LOG.infof("rebuilt the monthly rollup at start-up: %d rows", rebuild());
        }
    }

    /** Recomputes the rollup from the incidents; returns its number of rows. */
    @Transactional
    public long rebuild() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Rollup.rebuild(c);
        }
    }

    @Transactional
    public Consistency check() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Rollup.check(c);
        }
    }

    /**
     * Recomputes the months touched by the current transaction's writes; the caller has flushed
     * them to the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(TouchedMonths touched) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            touched.refresh(c);
        }
    }
}
