package org.militrend.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A counter in the database that every write to incidents bumps, inside the writing
 * transaction. ETags and caches derive from it, so that every service instance on the same
 * database sees a change at once.
 */
@ApplicationScoped
public class DataVersion {

    @Inject
    EntityManager em;

    /** Must run inside the transaction that writes the data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        em.createNativeQuery(
                        "UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1")
                .executeUpdate();
    }

    @Transactional
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM data_version WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }
}
