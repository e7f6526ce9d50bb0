package org.militrend.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.tools.TriggerAdapter;

/**
 * An H2 trigger that refuses to insert the incident keyed {@code refused}: the database's own
 * failure in the middle of an import's writes, which the import must roll back whole.
 * PostgreSQL gets the same trigger in PL/pgSQL ({@link CopyImportTest}).
 */
public class RefusingTrigger extends TriggerAdapter {

    @Override
    public void fire(Connection conn, ResultSet oldRow, ResultSet newRow) throws SQLException {
        if (newRow != null && "refused".equals(newRow.getString("EXTERNAL_ID"))) {
            throw new SQLException("the row 'refused' is refused by a test trigger");
        }
    }
}
